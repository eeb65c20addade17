import { z } from 'zod';

// Users read Chinese: zod's own messages (type and size errors) come in zh-CN wherever the domain is loaded.
z.config(z.locales.zhCN());
