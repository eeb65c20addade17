/**
 * The API contract as TypeScript types, from the server's OpenAPI document (/api/v1/openapi.json).
 * generated — do not edit; npm run api:generate
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        oldPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/roots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户可见范围的顶层党组织 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Org"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 搜索党组织（名称、代码、拼音首字母） */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    type?: "committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch";
                    domain?: "village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed";
                    includeClosed?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Org"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 新建党组织 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parentId: number;
                        name: string;
                        code: string;
                        /** @enum {string} */
                        type: "committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch";
                        /** @enum {string} */
                        domain: "village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed";
                        divisionCode?: string;
                        foundedAt?: string;
                        unit?: string;
                        unitsCovered?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Org"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按代码查找在册党支部（开具转接介绍信时核对接收方名称） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgRef"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党组织详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Org"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改党组织信息 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        code?: string;
                        /** @enum {string} */
                        type?: "committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch";
                        /** @enum {string} */
                        domain?: "village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed";
                        divisionCode?: string | null;
                        foundedAt?: string | null;
                        unit?: string | null;
                        unitsCovered?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Org"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下级党组织 */
        get: {
            parameters: {
                query?: {
                    includeClosed?: "true" | "false";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Org"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 调整隶属关系（移动党组织及其全部下级） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parentId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Org"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销党组织（保留历史） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        closedAt: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Org"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员名册（按组织、姓名、身份证号、状态等查询） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    q?: string;
                    status?: "probationary" | "full";
                    gender?: "male" | "female";
                    ethnicity?: "汉族" | "蒙古族" | "回族" | "藏族" | "维吾尔族" | "苗族" | "彝族" | "壮族" | "布依族" | "朝鲜族" | "满族" | "侗族" | "瑶族" | "白族" | "土家族" | "哈尼族" | "哈萨克族" | "傣族" | "黎族" | "傈僳族" | "佤族" | "畲族" | "高山族" | "拉祜族" | "水族" | "东乡族" | "纳西族" | "景颇族" | "柯尔克孜族" | "土族" | "达斡尔族" | "仫佬族" | "羌族" | "布朗族" | "撒拉族" | "毛南族" | "仡佬族" | "锡伯族" | "阿昌族" | "普米族" | "塔吉克族" | "怒族" | "乌孜别克族" | "俄罗斯族" | "鄂温克族" | "德昂族" | "保安族" | "裕固族" | "京族" | "塔塔尔族" | "独龙族" | "鄂伦春族" | "赫哲族" | "门巴族" | "珞巴族" | "基诺族";
                    ageBand?: "35" | "61" | "36_45" | "46_55" | "56_60";
                    partyAgeBand?: "5" | "51" | "6_10" | "11_20" | "21_30" | "31_40" | "41_50";
                    includeExited?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberPage"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 登记党员 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        gender: "male" | "female";
                        /** @enum {string} */
                        ethnicity: "汉族" | "蒙古族" | "回族" | "藏族" | "维吾尔族" | "苗族" | "彝族" | "壮族" | "布依族" | "朝鲜族" | "满族" | "侗族" | "瑶族" | "白族" | "土家族" | "哈尼族" | "哈萨克族" | "傣族" | "黎族" | "傈僳族" | "佤族" | "畲族" | "高山族" | "拉祜族" | "水族" | "东乡族" | "纳西族" | "景颇族" | "柯尔克孜族" | "土族" | "达斡尔族" | "仫佬族" | "羌族" | "布朗族" | "撒拉族" | "毛南族" | "仡佬族" | "锡伯族" | "阿昌族" | "普米族" | "塔吉克族" | "怒族" | "乌孜别克族" | "俄罗斯族" | "鄂温克族" | "德昂族" | "保安族" | "裕固族" | "京族" | "塔塔尔族" | "独龙族" | "鄂伦春族" | "赫哲族" | "门巴族" | "珞巴族" | "基诺族";
                        idNumber: string;
                        phone?: string;
                        orgId: number;
                        joinedAt: string;
                        fullMemberAt?: string;
                        /** @enum {string} */
                        status: "probationary" | "full";
                        /** @enum {string} */
                        education?: "研究生" | "大学本科" | "大学专科" | "中等专科" | "高中" | "初中及以下";
                        /** @enum {string} */
                        occupation?: "worker" | "farmer_herder" | "professional" | "manager" | "civil_servant" | "student" | "military" | "private_sector" | "retired" | "other";
                        isFlowing?: boolean;
                        isInService?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/import/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员名册导入模板（Excel） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 党员名册导入模板（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入党员名册（.xlsx；先校验全部行，有任何错误则不导入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberImportResult"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/import/annotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 返回标注了错误说明的导入文件 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 标注了错误说明的导入文件（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出党员名册（Excel，身份证号和手机号已脱敏） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    q?: string;
                    status?: "probationary" | "full";
                    gender?: "male" | "female";
                    ethnicity?: "汉族" | "蒙古族" | "回族" | "藏族" | "维吾尔族" | "苗族" | "彝族" | "壮族" | "布依族" | "朝鲜族" | "满族" | "侗族" | "瑶族" | "白族" | "土家族" | "哈尼族" | "哈萨克族" | "傣族" | "黎族" | "傈僳族" | "佤族" | "畲族" | "高山族" | "拉祜族" | "水族" | "东乡族" | "纳西族" | "景颇族" | "柯尔克孜族" | "土族" | "达斡尔族" | "仫佬族" | "羌族" | "布朗族" | "撒拉族" | "毛南族" | "仡佬族" | "锡伯族" | "阿昌族" | "普米族" | "塔吉克族" | "怒族" | "乌孜别克族" | "俄罗斯族" | "鄂温克族" | "德昂族" | "保安族" | "裕固族" | "京族" | "塔塔尔族" | "独龙族" | "鄂伦春族" | "赫哲族" | "门巴族" | "珞巴族" | "基诺族";
                    ageBand?: "35" | "61" | "36_45" | "46_55" | "56_60";
                    partyAgeBand?: "5" | "51" | "6_10" | "11_20" | "21_30" | "31_40" | "41_50";
                    includeExited?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 党员名册（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改党员信息 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        gender?: "male" | "female";
                        /** @enum {string} */
                        ethnicity?: "汉族" | "蒙古族" | "回族" | "藏族" | "维吾尔族" | "苗族" | "彝族" | "壮族" | "布依族" | "朝鲜族" | "满族" | "侗族" | "瑶族" | "白族" | "土家族" | "哈尼族" | "哈萨克族" | "傣族" | "黎族" | "傈僳族" | "佤族" | "畲族" | "高山族" | "拉祜族" | "水族" | "东乡族" | "纳西族" | "景颇族" | "柯尔克孜族" | "土族" | "达斡尔族" | "仫佬族" | "羌族" | "布朗族" | "撒拉族" | "毛南族" | "仡佬族" | "锡伯族" | "阿昌族" | "普米族" | "塔吉克族" | "怒族" | "乌孜别克族" | "俄罗斯族" | "鄂温克族" | "德昂族" | "保安族" | "裕固族" | "京族" | "塔塔尔族" | "独龙族" | "鄂伦春族" | "赫哲族" | "门巴族" | "珞巴族" | "基诺族";
                        phone?: string | null;
                        joinedAt?: string;
                        fullMemberAt?: string | null;
                        /** @enum {string} */
                        status?: "probationary" | "full";
                        /** @enum {string|null} */
                        education?: "研究生" | "大学本科" | "大学专科" | "中等专科" | "高中" | "初中及以下" | null;
                        /** @enum {string|null} */
                        occupation?: "worker" | "farmer_herder" | "professional" | "manager" | "civil_servant" | "student" | "military" | "private_sector" | "retired" | "other" | null;
                        isFlowing?: boolean;
                        isInService?: boolean;
                        /** @enum {string|null} */
                        exitType?: "deceased" | "expelled" | "stopped" | "lapsed" | "cancelled" | "transferred_out" | null;
                        exitAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 查看完整公民身份号码或手机号码（须填写原因，留痕） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        field: "idNumber" | "phone";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            field: "idNumber" | "phone";
                            value: string;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员的组织关系转接记录 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Transfer"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 开具组织关系介绍信（系统内转接或转出本系统） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toOrgCode?: string;
                        destination?: string;
                        letterNo: string;
                        issuedAt: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 转入、转出的组织关系（本人管辖范围内，分页，新开具的在前） */
        get: {
            parameters: {
                query: {
                    direction: "in" | "out";
                    status?: "pending" | "received" | "cancelled";
                    orgId?: number;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Transfer"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 接收转入的组织关系 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        receivedAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 接收从系统外转入的组织关系（登记党员并保存介绍信） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        gender: "male" | "female";
                        /** @enum {string} */
                        ethnicity: "汉族" | "蒙古族" | "回族" | "藏族" | "维吾尔族" | "苗族" | "彝族" | "壮族" | "布依族" | "朝鲜族" | "满族" | "侗族" | "瑶族" | "白族" | "土家族" | "哈尼族" | "哈萨克族" | "傣族" | "黎族" | "傈僳族" | "佤族" | "畲族" | "高山族" | "拉祜族" | "水族" | "东乡族" | "纳西族" | "景颇族" | "柯尔克孜族" | "土族" | "达斡尔族" | "仫佬族" | "羌族" | "布朗族" | "撒拉族" | "毛南族" | "仡佬族" | "锡伯族" | "阿昌族" | "普米族" | "塔吉克族" | "怒族" | "乌孜别克族" | "俄罗斯族" | "鄂温克族" | "德昂族" | "保安族" | "裕固族" | "京族" | "塔塔尔族" | "独龙族" | "鄂伦春族" | "赫哲族" | "门巴族" | "珞巴族" | "基诺族";
                        idNumber: string;
                        phone?: string;
                        orgId: number;
                        joinedAt: string;
                        fullMemberAt?: string;
                        /** @enum {string} */
                        status: "probationary" | "full";
                        /** @enum {string} */
                        education?: "研究生" | "大学本科" | "大学专科" | "中等专科" | "高中" | "初中及以下";
                        /** @enum {string} */
                        occupation?: "worker" | "farmer_herder" | "professional" | "manager" | "civil_servant" | "student" | "military" | "private_sector" | "retired" | "other";
                        isFlowing?: boolean;
                        isInService?: boolean;
                        origin: string;
                        letterNo: string;
                        issuedAt: string;
                        receivedAt: string;
                        transferNote?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundTransfer"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回尚未接收的介绍信 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transfer"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/honors/medal50": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 「光荣在党50年」纪念章应颁发名单（含各人的申报进度） */
        get: {
            parameters: {
                query: {
                    orgId?: number;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Medal50List"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/honors/medal50/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 纪念章申报（推荐、审核、颁发） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    year?: number;
                    status?: "recommended" | "reviewed" | "awarded" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Medal50Case"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 推荐颁发「光荣在党50年」纪念章 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: number;
                        year: number;
                        date: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Medal50Case"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/honors/medal50/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一份纪念章申报及其各步记录 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Medal50Case"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/honors/medal50/cases/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核纪念章申报（征求纪检监察机关意见） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        passed: boolean;
                        disciplineOpinion: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Medal50Case"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/honors/medal50/cases/{id}/award": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 颁发「光荣在党50年」纪念章 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Medal50Case"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/honors/commendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 表彰记录（优秀共产党员、优秀党务工作者、先进基层党组织） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    year?: number;
                    title?: "excellent_member" | "excellent_worker" | "advanced_org";
                    level?: "county" | "city" | "region" | "national";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Commendation"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 登记表彰 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        title: "excellent_member" | "excellent_worker" | "advanced_org";
                        /** @enum {string} */
                        level: "county" | "city" | "region" | "national";
                        year: number;
                        memberId?: number;
                        orgId?: number;
                        conferredAt: string;
                        conferredBy?: string;
                        documentNo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Commendation"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/honors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员获得的表彰与纪念章 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberHonors"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待办提醒（到期、逾期的期限） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    status?: "open" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReminderList"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development/applicants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记入党申请（第1步：递交入党申请书） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        gender: "male" | "female";
                        /** @enum {string} */
                        ethnicity: "汉族" | "蒙古族" | "回族" | "藏族" | "维吾尔族" | "苗族" | "彝族" | "壮族" | "布依族" | "朝鲜族" | "满族" | "侗族" | "瑶族" | "白族" | "土家族" | "哈尼族" | "哈萨克族" | "傣族" | "黎族" | "傈僳族" | "佤族" | "畲族" | "高山族" | "拉祜族" | "水族" | "东乡族" | "纳西族" | "景颇族" | "柯尔克孜族" | "土族" | "达斡尔族" | "仫佬族" | "羌族" | "布朗族" | "撒拉族" | "毛南族" | "仡佬族" | "锡伯族" | "阿昌族" | "普米族" | "塔吉克族" | "怒族" | "乌孜别克族" | "俄罗斯族" | "鄂温克族" | "德昂族" | "保安族" | "裕固族" | "京族" | "塔塔尔族" | "独龙族" | "鄂伦春族" | "赫哲族" | "门巴族" | "珞巴族" | "基诺族";
                        idNumber: string;
                        phone?: string;
                        orgId: number;
                        /** @enum {string} */
                        education?: "研究生" | "大学本科" | "大学专科" | "中等专科" | "高中" | "初中及以下";
                        /** @enum {string} */
                        occupation?: "worker" | "farmer_herder" | "professional" | "manager" | "civil_servant" | "student" | "military" | "private_sector" | "retired" | "other";
                        appliedAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Applicant"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development/applicants/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办理发展党员的一个步骤（1–25），按《中国共产党发展党员工作细则》校验 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        step: number;
                        date: string;
                        vote?: {
                            shouldAttend: number;
                            present: number;
                            yes: number;
                            /** @default 0 */
                            writtenYes?: number;
                        };
                        trainingDays?: number;
                        trainingHours?: number;
                        /** @enum {string} */
                        outcome?: "full" | "extend" | "cancel";
                        extensionMonths?: number;
                        introducers?: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicantStepRecorded"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development/applicants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 入党申请人：所处阶段、已办步骤、下一步期限 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Applicant"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发展党员看板：在办的每个申请人、下一步及其期限（逾期在前） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DevelopmentBoard"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号列表（本人管辖范围内） */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["UserAccount"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 新建账号 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        displayName: string;
                        password: string;
                        grants: {
                            /** @enum {string} */
                            role: "org_admin" | "branch_admin" | "grid_worker" | "member" | "sysadmin" | "secadmin" | "auditor";
                            orgId: number;
                        }[];
                        homeOrgId?: number;
                        memberId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改账号（姓名、停用、权限） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        disabled?: boolean;
                        grants?: {
                            /** @enum {string} */
                            role: "org_admin" | "branch_admin" | "grid_worker" | "member" | "sysadmin" | "secadmin" | "auditor";
                            orgId: number;
                        }[];
                        memberId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解除登录锁定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码（下次登录须修改） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志查询 */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    actor?: string;
                    action?: string;
                    outcome?: "success" | "denied" | "failure";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志（Excel） */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    actor?: string;
                    action?: string;
                    outcome?: "success" | "denied" | "failure";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 审计日志（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志中出现过的操作类型 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                label: string;
                            }[];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验审计日志哈希链 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditChainCheck"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 统计指标（某组织及其下级，截至某日） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorSnapshot"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单项指标及其按下级组织的分解 */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    date?: string;
                    by?: "child";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorBreakdown"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/divisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 行政区划（下级列表） */
        get: {
            parameters: {
                query?: {
                    parent?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Division"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dues/calculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 党费计算器：按类别与每月基数计算应交党费 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category: "employed" | "retired" | "farmer" | "student" | "unemployed" | "low_income";
                        monthlyBase?: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DuesCalculation"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dues/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 核定党员每月应交党费（年初核定或工资变动当月起；少交、免交须上一级党委批准） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: number;
                        effectiveFrom: string;
                        /** @enum {string} */
                        category: "employed" | "retired" | "farmer" | "student" | "unemployed" | "low_income";
                        monthlyBase?: string | number;
                        reducedAmount?: string | number;
                        reductionReason?: string;
                        reductionApprovedBy?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DuesAssessment"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dues/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记党费交纳（按月份区间，金额按核定标准计算；补交、预交一般不超过6个月） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: number;
                        fromMonth: string;
                        toMonth: string;
                        paidAt: string;
                        /** @enum {string} */
                        method: "cash" | "wechat" | "alipay" | "bank" | "other";
                        receiptNo?: string;
                        collectedBy?: string;
                        voluntary?: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordedDuesPayment"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/dues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员的党费：每月应交及依据、交纳记录、欠交情况 */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberDues"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/dues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的党费：每月应交及依据、交纳记录、欠交情况 */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberDues"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dues/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党支部党费台账：每名党员的交纳标准、本年已交、欠交月数及提醒 */
        get: {
            parameters: {
                query: {
                    orgId: number;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DuesRosterItem"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dues/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党支部年度党费收缴情况（向党员公布） */
        get: {
            parameters: {
                query: {
                    orgId: number;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DuesStatement"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dues/statement/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出党支部年度党费收缴情况（Excel，供向党员公布） */
        get: {
            parameters: {
                query: {
                    orgId: number;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 党费收缴情况（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某党组织的会议记录 */
        get: {
            parameters: {
                query: {
                    orgId: number;
                    year?: number;
                    type?: "general_assembly" | "committee" | "group" | "lecture" | "theme_day" | "life_meeting" | "appraisal" | "talk";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Meeting"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 登记会议（三会一课、主题党日、组织生活会、民主评议、谈心谈话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgId: number;
                        /** @enum {string} */
                        type: "general_assembly" | "committee" | "group" | "lecture" | "theme_day" | "life_meeting" | "appraisal" | "talk";
                        /**
                         * @default held
                         * @enum {string}
                         */
                        status?: "planned" | "held";
                        date: string;
                        place?: string;
                        host?: string;
                        topic?: string;
                        minutes?: string;
                        decisions?: string;
                        groupId?: number;
                        attendeeIds?: number[];
                        absences?: {
                            memberId: number;
                            reason: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党组织某年度的问题：应开未开的会议、设置不符合规定等（每条带固定代码） */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgCompliance"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 将计划召开的会议登记为已召开（到会人员、记录、决定） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        place?: string;
                        host?: string;
                        topic?: string;
                        minutes?: string;
                        decisions?: string;
                        attendeeIds?: number[];
                        absences?: {
                            memberId: number;
                            reason: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一次会议的记录：到会与缺席人员、附件 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingDetail"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 为会议上传附件（签到表照片、会议记录PDF；JPG/PNG/WebP/PDF，不超过10MB） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载或查看会议附件（仅限管理范围内） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 附件（图片在页面中显示，PDF下载） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                        "application/pdf": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下级党组织组织生活情况汇总（按当日扫描结果：落后支部、三会一课完成率、换届到期） */
        get: {
            parameters: {
                query: {
                    orgId: number;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplianceSummary"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某党组织下组织生活落后的党支部（应开未开会议、换届逾期等） */
        get: {
            parameters: {
                query: {
                    orgId: number;
                    year: number;
                    code?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["BranchCompliance"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/committee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党组织的班子：现任委员及职务、任期与换届时间、历届记录、党小组 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgLeadership"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 登记选举（换届）：支部委员会委员及职务，或不设支委会的书记、副书记 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "committee" | "secretary";
                        electedAt: string;
                        members: {
                            memberId: number;
                            /** @enum {string} */
                            post: "secretary" | "deputy_secretary" | "organization" | "propaganda" | "discipline" | "youth" | "women" | "member";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CommitteeOverview"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/committee/adjustment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 登记上级批准的提前或延期换届（一般不超过1年） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adjustmentMonths: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CommitteeOverview"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 设立党小组 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        leaderId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            groups: components["schemas"]["PartyGroup"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/schemes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评选方案列表（本级及上级制定的） */
        get: {
            parameters: {
                query?: {
                    programme?: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EvaluationScheme"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 制定评选方案 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgId: number;
                        scheme: {
                            /** @enum {string} */
                            programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                            name: string;
                            year: number;
                            /** @default [] */
                            domains?: ("village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed")[];
                            /** @default [] */
                            orgTypes?: ("committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch")[];
                            unitOrgs?: boolean;
                            criteria: {
                                key: string;
                                text: string;
                                basis?: string;
                                maxDeduction?: number;
                                rule?: string;
                                veto?: boolean;
                                points?: number;
                                flag?: string;
                                domains?: ("village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed")[];
                                /** @enum {string} */
                                binding?: "life.completion_rate" | "dues.paid_rate" | "development.admitted" | "member.count";
                            }[];
                            /** @default [] */
                            levels?: {
                                key: string;
                                name: string;
                                minScore?: number;
                            }[];
                            topQuotaPercent?: number;
                            vetoCap?: string;
                            /** @default [] */
                            flags?: {
                                key: string;
                                name: string;
                            }[];
                            flagCap?: number;
                            steps: {
                                /** @enum {string} */
                                kind: "self" | "ballot" | "contest" | "review" | "approve" | "publicity";
                                name: string;
                            }[];
                            subsidyPerFlag?: string | number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationScheme"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/schemes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评选方案：适用范围、指标、等次、红旗、环节 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationScheme"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        /** 修改评选方案（已开展评选的方案不能修改） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                        name: string;
                        year: number;
                        /** @default [] */
                        domains?: ("village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed")[];
                        /** @default [] */
                        orgTypes?: ("committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch")[];
                        unitOrgs?: boolean;
                        criteria: {
                            key: string;
                            text: string;
                            basis?: string;
                            maxDeduction?: number;
                            rule?: string;
                            veto?: boolean;
                            points?: number;
                            flag?: string;
                            domains?: ("village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed")[];
                            /** @enum {string} */
                            binding?: "life.completion_rate" | "dues.paid_rate" | "development.admitted" | "member.count";
                        }[];
                        /** @default [] */
                        levels?: {
                            key: string;
                            name: string;
                            minScore?: number;
                        }[];
                        topQuotaPercent?: number;
                        vetoCap?: string;
                        /** @default [] */
                        flags?: {
                            key: string;
                            name: string;
                        }[];
                        flagCap?: number;
                        steps: {
                            /** @enum {string} */
                            kind: "self" | "ballot" | "contest" | "review" | "approve" | "publicity";
                            name: string;
                        }[];
                        subsidyPerFlag?: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationScheme"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/schemes/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 复制方案为新年度版本（可复制到本级党组织，作为本级方案） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        name: string;
                        orgId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationScheme"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评选轮次列表 */
        get: {
            parameters: {
                query?: {
                    programme?: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EvaluationRoundListItem"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** 开展评选：按方案设定各环节起止日期与公示天数，适用的党组织自动纳入 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        schemeId: number;
                        orgId: number;
                        name: string;
                        windows: {
                            opensAt: string;
                            closesAt: string;
                        }[];
                        /** @default 7 */
                        publicityDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            schemeId: number;
                            orgId: number;
                            orgName: string;
                            name: string;
                            /** @enum {string} */
                            programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                            year: number;
                            steps: components["schemas"]["RoundStep"][];
                            publicityDays: number;
                            levels: components["schemas"]["EvaluationLevel"][];
                            flags: components["schemas"]["EvaluationFlag"][];
                            topQuotaPercent: number | null;
                            /** @description 每面红旗的工作补贴（元） */
                            subsidyPerFlag: string | null;
                            abilities: {
                                /** @description 本人负责本轮的审定与发布（每个参评记录另说明现在能否审定） */
                                canApprove: boolean;
                            };
                            entries: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评选轮次：环节与进度、结果分布 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationRoundDetail"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参评党组织：所处环节、得分、等次、红旗、在乡镇和领域内的排名 */
        get: {
            parameters: {
                query?: {
                    stage?: number;
                    orgId?: number;
                    level?: string;
                    q?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EvaluationEntryItem"][];
                            total: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上级党委组织部门审定（可批量），审定后进入公示 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entryIds: number[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approved: number;
                            /** Format: date */
                            publicityTo: string;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 公示期满且异议均已答复的，发布结果（命名） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            published: number;
                            /** @description 公示期未满的 */
                            waiting: number;
                            /** @description 尚有异议未答复的 */
                            objections: number;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds/{id}/subsidy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 红旗工作补贴资金清单 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubsidyList"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/rounds/{id}/subsidy/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出红旗工作补贴资金清单（Excel，供财务） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 红旗工作补贴资金清单（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参评记录：指标、自评及系统取数、测评、比武评分、评定、公示与异议、办理记录 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationEntry"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交自评（五面红旗同时申报争创的红旗）；三会一课、党费等由系统取数 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        items?: {
                            key: string;
                            deduction?: number;
                            points?: number;
                            met?: boolean;
                            note?: string;
                        }[];
                        /** @default [] */
                        flags?: string[];
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationSelfRecord"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 生成一次性测评码（只显示这一次，请打印或分发） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codes: string[];
                            /** Format: date */
                            closesAt: string | null;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/ballot/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束党员群众测评，计票并进入下一环节 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BallotTally"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/contest-scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记评委对书记比武的评分 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        judge: string;
                        score: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scores: components["schemas"]["ContestScore"][];
                            /** @description 分数（一位小数） */
                            mean: number | null;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/contest/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束比武：评委5人及以上去掉一个最高分和一个最低分后取平均 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scores: components["schemas"]["ContestScore"][];
                            /** @description 分数（一位小数） */
                            mean: number | null;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 基层党委(工委)评定：逐项扣分、一票否决、评定等次或红旗 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        deductions?: {
                            [key: string]: number;
                        };
                        /** @default [] */
                        vetoFailed?: string[];
                        /** @default {} */
                        points?: {
                            [key: string]: number;
                        };
                        level?: string;
                        /** @default [] */
                        met?: string[];
                        /** @default [] */
                        flags?: string[];
                        /** @enum {string} */
                        rating?: "good" | "fairly_good" | "average" | "poor";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 分数（一位小数） */
                            score: number | null;
                            level: string | null;
                            flags: string[];
                            /** @enum {string|null} */
                            rating: "good" | "fairly_good" | "average" | "poor" | null;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审定时退回重新评定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationEntry"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/entries/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记公示期间收到的异议 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        raisedBy?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationEntry"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/objections/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复异议：不成立维持结果，成立则退回重新评定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "dismissed" | "upheld";
                        answer: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationEntry"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluation/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 历年对比：各年度已发布结果的参评数、各等次（评价）数和命名红旗数 */
        get: {
            parameters: {
                query: {
                    programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                    orgId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EvaluationYearResult"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党组织历年评星定级结果（红旗、等次、述职评议） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OrgEvaluationResult"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员任书记期间所在党组织的书记抓基层党建述职评议结果 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SecretaryReview"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ballots/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 测评码对应的测评（无需登录） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BallotInfo"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 投票（无需登录，每个测评码只能投一次，匿名） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @enum {string} */
                        choice: "good" | "fairly_good" | "average" | "poor";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgName: string;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 后台任务及其运行时间 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即运行一个后台任务 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobRun"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日历：某年的法定节假日和调休上班日 */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/calendar/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置一天为法定节假日或调休上班日 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        /** @enum {string} */
                        kind: "holiday" | "workday";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            date: string;
                            /** @enum {string} */
                            kind: "holiday" | "workday";
                            name: string;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/calendar/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 撤销添加的日历设置（恢复为按周末和国务院通知计算） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    date: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            date: string;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenAPI 接口文档 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务状态（首次启动时演示数据的准备进度） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServerStatus"];
                    };
                };
                /** @description 请求被拒绝或失败：{ error: { code, message, details } } */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEntry: {
            id: number;
            /** @description 序号：在哈希链中的位置，连续无缺号（校验时以此指明断点） */
            seq: number;
            /** Format: date-time */
            at: string;
            actorId: number | null;
            actorName: string | null;
            /** @description 操作时所持角色，逗号分隔 */
            actorRole: string | null;
            actorOrgId: number | null;
            actorOrgName: string | null;
            action: string;
            /** @description 操作的中文名称 */
            actionLabel: string;
            targetType: string | null;
            targetId: string | null;
            /** @enum {string} */
            outcome: "success" | "denied" | "failure";
            requestId: string | null;
            ip: string | null;
            detail: unknown;
        };
        AuditChainCheck: {
            ok: boolean;
            checked: number;
            /** @description 第一条不成立或缺失的记录的序号 */
            brokenAt?: number;
            /** @description 断点是记录被删除（缺号），而非被篡改 */
            missing?: boolean;
        };
        Me: {
            id: number;
            username: string;
            displayName: string;
            homeOrgId: number | null;
            /** @description 本账号对应的党员（本人账号），未关联为 null */
            memberId: number | null;
            grants: {
                /** @enum {string} */
                role: "org_admin" | "branch_admin" | "grid_worker" | "member" | "sysadmin" | "secadmin" | "auditor";
                orgId: number;
                orgName: string;
                orgPath: string;
            }[];
            /** @description 在某处持有的全部操作权限，菜单据此显示 */
            abilities: ("org.read" | "org.manage" | "org.committee" | "member.read" | "member.manage" | "member.reveal" | "transfer.manage" | "development.read" | "development.manage" | "development.approve" | "meeting.read" | "meeting.manage" | "dues.read" | "dues.manage" | "honor.read" | "honor.manage" | "evaluation.file" | "evaluation.manage" | "indicator.read" | "grid.read" | "case.read" | "case.handle" | "user.read" | "user.manage" | "grant.manage" | "audit.read" | "settings.manage" | "security.manage" | "job.run")[];
        };
        Session: {
            user: components["schemas"]["Me"];
            mustChangePassword: boolean;
        };
        CommitteeSeat: {
            memberId: number;
            name: string;
            /** @enum {string} */
            post: "secretary" | "deputy_secretary" | "organization" | "propaganda" | "discipline" | "youth" | "women" | "member";
        };
        Committee: {
            id: number;
            /**
             * @description 设立支部委员会，或不设支委会只设书记（副书记）
             * @enum {string}
             */
            kind: "committee" | "secretary";
            /** Format: date */
            electedAt: string;
            /**
             * Format: date
             * @description 被下一届取代之日；现任为空
             */
            endedAt: string | null;
            /** @description 经上级批准提前（负数）或延期（正数）换届的月数 */
            adjustmentMonths: number;
            adjustmentReason: string | null;
            members: components["schemas"]["CommitteeSeat"][];
        };
        TermStatus: {
            /** Format: date */
            endsAt: string;
            /** @enum {string} */
            status: "ok" | "due_soon" | "overdue";
            finding: {
                code: string;
                message: string;
            } | null;
        };
        CurrentCommittee: {
            id: number;
            /**
             * @description 设立支部委员会，或不设支委会只设书记（副书记）
             * @enum {string}
             */
            kind: "committee" | "secretary";
            /** Format: date */
            electedAt: string;
            /**
             * Format: date
             * @description 被下一届取代之日；现任为空
             */
            endedAt: string | null;
            /** @description 经上级批准提前（负数）或延期（正数）换届的月数 */
            adjustmentMonths: number;
            adjustmentReason: string | null;
            members: components["schemas"]["CommitteeSeat"][];
            term: components["schemas"]["TermStatus"];
        };
        CommitteeOverview: {
            current: components["schemas"]["CurrentCommittee"] | null;
            history: components["schemas"]["Committee"][];
        };
        PartyGroup: {
            id: number;
            name: string;
            leaderId: number | null;
            leaderName: string | null;
        };
        OrgLeadership: {
            current: components["schemas"]["CurrentCommittee"] | null;
            history: components["schemas"]["Committee"][];
            groups: components["schemas"]["PartyGroup"][];
        };
        NextEvent: {
            event: string;
            label: string;
            mayAct: boolean;
            /** @description 不能办理的原因（可以办理时为 null） */
            whyNot: string | null;
        };
        Applicant: {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            /** @enum {string} */
            gender: "male" | "female";
            ethnicity: string;
            /** Format: date */
            birthDate: string;
            /** @description 脱敏：150525********9713 */
            idNumber: string;
            /** @description 脱敏 */
            phone: string | null;
            /** @description 第17步（上级党委审批）后成为预备党员的党员记录 */
            memberId: number | null;
            stage: number;
            stageName: string;
            state: string;
            stateLabel: string;
            /** @description 已办事件数；办理时回传，防止覆盖他人刚办的步骤 */
            seq: number;
            steps: {
                step: number;
                name: string;
                /** Format: date */
                date: string;
                data: {
                    /** @description 支部大会表决：应到有表决权的正式党员、实到、赞成、书面赞成 */
                    vote?: {
                        shouldAttend: number;
                        present: number;
                        yes: number;
                        writtenYes: number;
                    };
                    trainingDays?: number;
                    trainingHours?: number;
                    /**
                     * @description 第23步：按期转正、延长预备期、取消预备党员资格
                     * @enum {string}
                     */
                    outcome?: "full" | "extend" | "cancel";
                    extensionMonths?: number;
                    introducers?: number;
                    note?: string;
                };
                /** @description 办理时提示但未拒绝的规则（如谈话晚于一个月） */
                warnings: string[];
                /** @description 办理人；导入或演示数据为 null */
                recordedBy: string | null;
            }[];
            /** @description 下一步的时限（细则规定了的才有） */
            deadlines: {
                step: number;
                name: string;
                /**
                 * @description due：须在此日前办理；earliest：此日起方可办理
                 * @enum {string}
                 */
                kind: "due" | "earliest";
                /** Format: date */
                date: string;
                overdue: boolean;
            }[];
            /** @description 下一步；第25步（材料归档）办完后为 null */
            next: {
                step: number;
                name: string;
                /**
                 * @description 由党支部办理，或由有审批权的基层党委办理
                 * @enum {string}
                 */
                by: "branch" | "committee";
                /**
                 * @description due：须在此日前办理；earliest：此日起方可办理
                 * @enum {string|null}
                 */
                kind: "due" | "earliest" | null;
                /** Format: date */
                date: string | null;
                overdue: boolean;
            } | null;
            abilities: {
                canRecordNext: boolean;
                /** @description 不能办理下一步的原因 */
                whyNot: string | null;
            };
        };
        ApplicantStepRecorded: {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            /** @enum {string} */
            gender: "male" | "female";
            ethnicity: string;
            /** Format: date */
            birthDate: string;
            /** @description 脱敏：150525********9713 */
            idNumber: string;
            /** @description 脱敏 */
            phone: string | null;
            /** @description 第17步（上级党委审批）后成为预备党员的党员记录 */
            memberId: number | null;
            stage: number;
            stageName: string;
            state: string;
            stateLabel: string;
            /** @description 已办事件数；办理时回传，防止覆盖他人刚办的步骤 */
            seq: number;
            steps: {
                step: number;
                name: string;
                /** Format: date */
                date: string;
                data: {
                    /** @description 支部大会表决：应到有表决权的正式党员、实到、赞成、书面赞成 */
                    vote?: {
                        shouldAttend: number;
                        present: number;
                        yes: number;
                        writtenYes: number;
                    };
                    trainingDays?: number;
                    trainingHours?: number;
                    /**
                     * @description 第23步：按期转正、延长预备期、取消预备党员资格
                     * @enum {string}
                     */
                    outcome?: "full" | "extend" | "cancel";
                    extensionMonths?: number;
                    introducers?: number;
                    note?: string;
                };
                /** @description 办理时提示但未拒绝的规则（如谈话晚于一个月） */
                warnings: string[];
                /** @description 办理人；导入或演示数据为 null */
                recordedBy: string | null;
            }[];
            /** @description 下一步的时限（细则规定了的才有） */
            deadlines: {
                step: number;
                name: string;
                /**
                 * @description due：须在此日前办理；earliest：此日起方可办理
                 * @enum {string}
                 */
                kind: "due" | "earliest";
                /** Format: date */
                date: string;
                overdue: boolean;
            }[];
            /** @description 下一步；第25步（材料归档）办完后为 null */
            next: {
                step: number;
                name: string;
                /**
                 * @description 由党支部办理，或由有审批权的基层党委办理
                 * @enum {string}
                 */
                by: "branch" | "committee";
                /**
                 * @description due：须在此日前办理；earliest：此日起方可办理
                 * @enum {string|null}
                 */
                kind: "due" | "earliest" | null;
                /** Format: date */
                date: string | null;
                overdue: boolean;
            } | null;
            abilities: {
                canRecordNext: boolean;
                /** @description 不能办理下一步的原因 */
                whyNot: string | null;
            };
            warnings: string[];
        };
        DevelopmentBoard: {
            items: {
                applicantId: number;
                applicantName: string;
                orgName: string;
                stageName: string;
                step: number;
                stepName: string;
                /**
                 * @description due：须在此日前办理；earliest：此日起方可办理
                 * @enum {string|null}
                 */
                kind: "due" | "earliest" | null;
                /** Format: date */
                date: string | null;
                overdue: boolean;
                abilities: {
                    canRecordNext: boolean;
                    /** @description 不能办理下一步的原因 */
                    whyNot: string | null;
                };
            }[];
            /** @description 逾期的人数 */
            overdue: number;
        };
        Division: {
            code: string;
            name: string;
            /** @enum {string} */
            level: "city" | "county" | "town" | "village";
        };
        DuesCalculation: {
            /** @description 每月应交党费（元） */
            amount: string;
            /** @description 按全额计算的比例，如 0.015；固定金额时为空 */
            rate: number | null;
            /** @description 计算依据（规定条款） */
            basis: string;
        };
        DuesAssessment: {
            id: number;
            memberId: number;
            effectiveFrom: string;
            /** @enum {string} */
            category: "employed" | "retired" | "farmer" | "student" | "unemployed" | "low_income";
            /** @description 交纳基数（元/月），在职、离退休党员才有 */
            monthlyBase: string | null;
            /** @description 按规定计算的每月金额（元） */
            calculated: string;
            /** @description 每月应交（元）；经批准少交、免交时低于 calculated */
            amount: string;
            basis: string;
            reductionReason: string | null;
            reductionApprovedByName: string | null;
        };
        DuesPayment: {
            id: number;
            memberId: number;
            fromMonth: string;
            toMonth: string;
            /** @description 所交月份的核定金额之和（元），由系统计算 */
            amount: string;
            /** @description 自愿多交（元） */
            voluntary: string;
            /** Format: date */
            paidAt: string;
            /** @enum {string} */
            method: "cash" | "wechat" | "alipay" | "bank" | "other";
            receiptNo: string | null;
            collectedBy: string | null;
        };
        RecordedDuesPayment: {
            id: number;
            memberId: number;
            fromMonth: string;
            toMonth: string;
            /** @description 所交月份的核定金额之和（元），由系统计算 */
            amount: string;
            /** @description 自愿多交（元） */
            voluntary: string;
            /** Format: date */
            paidAt: string;
            /** @enum {string} */
            method: "cash" | "wechat" | "alipay" | "bank" | "other";
            receiptNo: string | null;
            collectedBy: string | null;
            note: string | null;
        };
        MemberDues: {
            member: {
                id: number;
                name: string;
                orgId: number;
            };
            /** @description 本月执行的交纳标准 */
            current: components["schemas"]["DuesAssessment"] | null;
            /** @description 历次核定，按执行月份先后 */
            assessments: components["schemas"]["DuesAssessment"][];
            months: {
                month: string;
                /** @description 该月应交（元）；入党前或尚未核定时为空 */
                due: string | null;
                /** @description 交纳该月的记录 */
                paymentId: number | null;
            }[];
            /** @description 涉及本年度的交纳记录 */
            payments: components["schemas"]["DuesPayment"][];
            arrears: {
                /** @description 截至上月欠交的月份 */
                owedMonths: string[];
                /** @description 截至上月连续未交的月数 */
                streak: number;
                /** @description 欠交金额（元） */
                owed: string;
                /** @description 提醒支部的事项（不会自动处理） */
                warning: string | null;
            };
        };
        DuesRosterItem: {
            memberId: number;
            name: string;
            /** @enum {string} */
            status: "probationary" | "full";
            current: components["schemas"]["DuesAssessment"] | null;
            /** @description 本年已交（元） */
            paidThisYear: string;
            owedMonths: number;
            /** @description 欠交金额（元） */
            owed: string;
            streak: number;
            /** @description 提醒或「尚未核定」；只提醒支部，不会自动除名 */
            warning: string | null;
        };
        DuesStatement: {
            org: {
                id: number;
                name: string;
            };
            year: number;
            months: {
                month: string;
                /** @description 在册党员（人） */
                members: number;
                /** @description 应交（元） */
                due: string;
                /** @description 已交（元）：所交月份的核定金额 */
                paid: string;
                /** @description 已交人数 */
                payers: number;
            }[];
            /** @description 自愿多交（元） */
            voluntary: string;
            /** @description 其中一次性1000元以上、全部上缴中央的（元） */
            large: string;
            /** @description 全年收缴（元，按交纳日期，含自愿多交） */
            collected: string;
        };
        EvaluationCriterion: {
            key: string;
            text: string;
            basis?: string;
            /** @description 分数（一位小数） */
            maxDeduction?: number;
            rule?: string;
            veto?: boolean;
            /** @description 分数（一位小数） */
            points?: number;
            flag?: string;
            domains?: ("village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed")[];
            /** @enum {string} */
            binding?: "life.completion_rate" | "dues.paid_rate" | "development.admitted" | "member.count";
        };
        EvaluationLevel: {
            key: string;
            name: string;
            /** @description 分数（一位小数） */
            minScore?: number;
        };
        EvaluationFlag: {
            key: string;
            name: string;
        };
        RoundStep: {
            /** @enum {string} */
            kind: "self" | "ballot" | "contest" | "review" | "approve" | "publicity";
            name: string;
            /** Format: date */
            opensAt: string;
            /** Format: date */
            closesAt: string;
        };
        EvaluationScheme: {
            id: number;
            orgId: number;
            orgName: string;
            /** @description 复制自哪个方案（上一年度的） */
            copiedFrom: number | null;
            /** @description 已用于几轮评选；用过的方案不能再修改（locked） */
            rounds: number;
            locked: boolean;
            /** @enum {string} */
            programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
            name: string;
            year: number;
            domains: ("village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed")[];
            orgTypes: ("committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch")[];
            unitOrgs?: boolean;
            criteria: components["schemas"]["EvaluationCriterion"][];
            levels: components["schemas"]["EvaluationLevel"][];
            topQuotaPercent?: number;
            vetoCap?: string;
            flags: components["schemas"]["EvaluationFlag"][];
            flagCap?: number;
            /** @description 每面红旗的工作补贴（元） */
            subsidyPerFlag?: string;
            steps: {
                /** @enum {string} */
                kind: "self" | "ballot" | "contest" | "review" | "approve" | "publicity";
                name: string;
            }[];
            abilities: {
                /** @description 方案属于本人管理的党组织，可修改（未用过时）；否则只能复制 */
                canManage: boolean;
            };
        };
        EvaluationRoundListItem: {
            id: number;
            schemeId: number;
            orgId: number;
            orgName: string;
            name: string;
            /** @enum {string} */
            programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
            year: number;
            steps: components["schemas"]["RoundStep"][];
            publicityDays: number;
            levels: components["schemas"]["EvaluationLevel"][];
            flags: components["schemas"]["EvaluationFlag"][];
            topQuotaPercent: number | null;
            /** @description 每面红旗的工作补贴（元） */
            subsidyPerFlag: string | null;
            abilities: {
                /** @description 本人负责本轮的审定与发布（每个参评记录另说明现在能否审定） */
                canApprove: boolean;
            };
            entries: number;
            /** @description 其中结果已发布的 */
            final: number;
        };
        EvaluationRoundProgress: {
            stages: {
                index: number;
                /** @enum {string} */
                kind: "self" | "ballot" | "contest" | "review" | "approve" | "publicity";
                name: string;
                count: number;
            }[];
            published: number;
            results: {
                level: string | null;
                /** @enum {string|null} */
                rating: "good" | "fairly_good" | "average" | "poor" | null;
                n: number;
                flags: number;
            }[];
        };
        EvaluationRoundDetail: {
            id: number;
            schemeId: number;
            orgId: number;
            orgName: string;
            name: string;
            /** @enum {string} */
            programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
            year: number;
            steps: components["schemas"]["RoundStep"][];
            publicityDays: number;
            levels: components["schemas"]["EvaluationLevel"][];
            flags: components["schemas"]["EvaluationFlag"][];
            topQuotaPercent: number | null;
            /** @description 每面红旗的工作补贴（元） */
            subsidyPerFlag: string | null;
            abilities: {
                /** @description 本人负责本轮的审定与发布（每个参评记录另说明现在能否审定） */
                canApprove: boolean;
            };
            progress: components["schemas"]["EvaluationRoundProgress"];
        };
        EvaluationEntryItem: {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            orgDomain: "village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed";
            /** @description 所在苏木乡镇(街道)；排名在其内、同领域中计 */
            township: string | null;
            /** @description 当前环节序号；已发布时为环节数 */
            stage: number;
            stepName: string;
            declaredFlags: string[];
            /** Format: date */
            publicityTo: string | null;
            /** Format: date */
            finalAt: string | null;
            openObjections: number;
            resultHidden: boolean;
            /** @description 分数（一位小数） */
            score: number | null;
            level: string | null;
            levelName: string | null;
            /** @enum {string|null} */
            rating: "good" | "fairly_good" | "average" | "poor" | null;
            /** @description 命名（或拟命名）的红旗编码 */
            flags: string[];
            rank: number | null;
            /** @description 当前环节的每个事件（approve、return…）本人现在能否办理；批量审定读 approve */
            abilities: {
                [key: string]: boolean;
            };
        };
        EvaluationSelfRecord: {
            items: {
                key: string;
                /** @description 分数（一位小数） */
                deduction?: number;
                /** @description 分数（一位小数） */
                points?: number;
                met?: boolean;
                note?: string;
            }[];
            summary: string;
            evidence: {
                key: string;
                /** @enum {string} */
                binding: "life.completion_rate" | "dues.paid_rate" | "development.admitted" | "member.count";
                name: string;
                value: number;
                unit: string;
            }[];
            /** @description 分数（一位小数） */
            selfScore?: number;
            /** Format: date */
            filedOn: string;
        };
        BallotTally: {
            total: number;
            counts: {
                good: number;
                fairly_good: number;
                average: number;
                poor: number;
            };
            shares: {
                /** @description 百分比，一位小数（如 "33.3"） */
                good: string;
                /** @description 百分比，一位小数（如 "33.3"） */
                fairly_good: string;
                /** @description 百分比，一位小数（如 "33.3"） */
                average: string;
                /** @description 百分比，一位小数（如 "33.3"） */
                poor: string;
            };
            /** @description 好与较好合计（满意率） */
            favourable: string;
            codesIssued: number;
            codesUsed: number;
        };
        ContestScore: {
            judge: string;
            /** @description 分数（一位小数） */
            score: number;
        };
        EvaluationObjection: {
            id: number;
            text: string;
            raisedBy: string | null;
            /** Format: date */
            recordedOn: string;
            /** @enum {string|null} */
            decision: "dismissed" | "upheld" | null;
            answer: string | null;
            /** Format: date */
            answeredOn: string | null;
        };
        EvaluationLogItem: {
            step: number;
            stepName: string;
            /** Format: date */
            date: string;
            actorName: string | null;
            event: string;
            /** @description 流程对该事件的称呼（提交自评、审定…） */
            eventName: string;
            /** @description 退回重新评定（退回，或异议成立） */
            sentBack: boolean;
            note: string | null;
            /** @description 分数（一位小数） */
            score: number | null;
            level: string | null;
            flags: string[];
            ballots: number | null;
        };
        EvaluationEntry: {
            id: number;
            round: {
                id: number;
                name: string;
                /** @enum {string} */
                programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
                /** @enum {string} */
                method: "deduction" | "flags" | "levels" | "ratings";
                year: number;
            };
            org: {
                id: number;
                name: string;
                /** @enum {string} */
                domain: "village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed";
                /** @enum {string} */
                type: "committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch";
            };
            stage: number;
            /** @enum {string} */
            state: "self" | "ballot" | "contest" | "review" | "approve" | "publicity" | "published";
            seq: number;
            steps: components["schemas"]["RoundStep"][];
            publicityDays: number;
            /** @description 适用于本组织领域的指标 */
            criteria: components["schemas"]["EvaluationCriterion"][];
            levels: components["schemas"]["EvaluationLevel"][];
            flagsOffered: components["schemas"]["EvaluationFlag"][];
            flagCap: number | null;
            declaredFlags: string[];
            selfAssessment: components["schemas"]["EvaluationSelfRecord"] | null;
            ballots: components["schemas"]["BallotTally"];
            /** @description 评委评分只列给上级；平均分在结果可见时给出 */
            contest: {
                scores: components["schemas"]["ContestScore"][];
                judges: number;
                /** @description 分数（一位小数） */
                mean: number | null;
            };
            review: {
                deductions?: {
                    [key: string]: number;
                };
                vetoFailed?: string[];
                points?: {
                    [key: string]: number;
                };
                level?: string;
                met?: string[];
                flags?: string[];
                /** @enum {string} */
                rating?: "good" | "fairly_good" | "average" | "poor";
                note?: string;
                /** @description 分数（一位小数） */
                contestMean?: number | null;
                /** Format: date */
                reviewedOn?: string;
            } | null;
            resultHidden: boolean;
            /** @description 分数（一位小数） */
            score: number | null;
            level: string | null;
            levelName: string | null;
            /** @enum {string|null} */
            rating: "good" | "fairly_good" | "average" | "poor" | null;
            /** @description 命名（或拟命名）的红旗编码 */
            flags: string[];
            /** Format: date */
            publicityFrom: string | null;
            /** Format: date */
            publicityTo: string | null;
            /** Format: date */
            finalAt: string | null;
            objections: components["schemas"]["EvaluationObjection"][];
            log: components["schemas"]["EvaluationLogItem"][];
            /** @description 本人在该组织之上（各环节都能看到结果） */
            oversees: boolean;
            vetoCap: string | null;
            /** @description 当前环节可办理的事件，及本人能否办理、为何不能 */
            next: components["schemas"]["NextEvent"][];
            mayAct: boolean;
            whyNot: string | null;
            /** @description 当前环节的每个事件（approve、return…）本人现在能否办理；批量审定读 approve */
            abilities: {
                [key: string]: boolean;
            };
        };
        SubsidyList: {
            perFlag: string;
            total: string;
            flags: number;
            items: {
                orgName: string;
                township: string | null;
                code: string;
                flags: string[];
                flagNames: string[];
                amount: string;
                /** Format: date */
                finalAt: string;
            }[];
        };
        EvaluationYearResult: {
            year: number;
            entries: number;
            flags: number;
            /** @description 各等次或评价的数量 */
            byKey: {
                [key: string]: number;
            };
        };
        OrgEvaluationResult: {
            entryId: number;
            roundId: number;
            roundName: string;
            /** @enum {string} */
            programme: "red_flags" | "branch_grading" | "school_grading" | "happy_community" | "secretary_review";
            year: number;
            /** @description 分数（一位小数） */
            score: number | null;
            level: string | null;
            levelName: string | null;
            /** @enum {string|null} */
            rating: "good" | "fairly_good" | "average" | "poor" | null;
            /** @description 红旗名称 */
            flags: string[];
            /** Format: date */
            finalAt: string;
        };
        SecretaryReview: {
            roundName: string;
            year: number;
            orgName: string;
            /** @enum {string} */
            rating: "good" | "fairly_good" | "average" | "poor";
            /** Format: date */
            finalAt: string;
        };
        BallotInfo: {
            orgName: string;
            roundName: string;
            stepName: string;
            /** @description 参评组织的自评总结（或述职报告） */
            summary: string | null;
            refusal: string | null;
        };
        Member: {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            /** @enum {string} */
            gender: "male" | "female";
            ethnicity: string;
            /** Format: date */
            birthDate: string;
            /** @description 今天的周岁年龄 */
            age: number;
            /** @description 公民身份号码（已脱敏，如 150502********0010） */
            idNumber: string;
            /** @description 手机号码（已脱敏，如 138****1234），未登记为 null */
            phone: string | null;
            education: string | null;
            /** @enum {string|null} */
            occupation: "worker" | "farmer_herder" | "professional" | "manager" | "civil_servant" | "student" | "military" | "private_sector" | "retired" | "other" | null;
            /**
             * Format: date
             * @description 入党日期（支部大会通过之日）
             */
            joinedAt: string;
            /**
             * Format: date
             * @description 转正日期
             */
            fullMemberAt: string | null;
            /** @enum {string} */
            status: "probationary" | "full";
            /**
             * Format: date
             * @description 党龄起算日（正式党员的转正日期，预备党员为 null）
             */
            partyAgeSince: string | null;
            /** @description 至今天的整年党龄，预备党员为 0 */
            partyAgeYears: number;
            /** @description 流动党员 */
            isFlowing: boolean;
            /** @description 在职党员 */
            isInService: boolean;
            /**
             * @description 减少类型，在册为 null
             * @enum {string|null}
             */
            exitType: "deceased" | "expelled" | "stopped" | "lapsed" | "cancelled" | "transferred_out" | null;
            /** Format: date */
            exitAt: string | null;
            abilities: {
                canManage: boolean;
                /** @description 可查看完整身份证号和手机号（留痕） */
                canReveal: boolean;
            };
        };
        MemberPage: {
            items: components["schemas"]["Member"][];
            total: number;
            /** @description 符合条件的党员超过计数上限，total 为上限 */
            totalCapped: boolean;
        };
        MemberImportResult: {
            created: number;
            failed: number;
            errors: {
                row: number;
                column: string;
                message: string;
            }[];
        };
        Transfer: {
            id: number;
            memberId: number;
            memberName: string;
            /** @description 开具介绍信的党支部；从系统外转入为 null（见 origin） */
            fromOrgId: number | null;
            /** @description 开具介绍信的党支部名称，或从系统外转入时介绍信上的转出单位 */
            fromOrgName: string;
            /** @description 从系统外转入时的转出单位 */
            origin: string | null;
            /** @description 系统内的接收党支部；转出本系统为 null（见 destination） */
            toOrgId: number | null;
            toOrgName: string | null;
            /** @description 转出本系统时转往的党组织 */
            destination: string | null;
            letterNo: string;
            /** Format: date */
            issuedAt: string;
            /** Format: date */
            receivedAt: string | null;
            /** @enum {string} */
            status: "pending" | "received" | "cancelled";
            note: string | null;
            /** @description 接收（接收方，待接收时）与撤回（开具方，待接收时） */
            abilities: {
                canReceive: boolean;
                canCancel: boolean;
            };
        };
        InboundTransfer: {
            member: components["schemas"]["Member"];
            transfer: components["schemas"]["Transfer"];
        };
        Medal50Member: {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            /** @enum {string} */
            gender: "male" | "female";
            ethnicity: string;
            /** Format: date */
            birthDate: string;
            /** @description 今天的周岁年龄 */
            age: number;
            /** @description 公民身份号码（已脱敏，如 150502********0010） */
            idNumber: string;
            /** @description 手机号码（已脱敏，如 138****1234），未登记为 null */
            phone: string | null;
            education: string | null;
            /** @enum {string|null} */
            occupation: "worker" | "farmer_herder" | "professional" | "manager" | "civil_servant" | "student" | "military" | "private_sector" | "retired" | "other" | null;
            /**
             * Format: date
             * @description 入党日期（支部大会通过之日）
             */
            joinedAt: string;
            /**
             * Format: date
             * @description 转正日期
             */
            fullMemberAt: string | null;
            /** @enum {string} */
            status: "probationary" | "full";
            /**
             * Format: date
             * @description 党龄起算日（正式党员的转正日期，预备党员为 null）
             */
            partyAgeSince: string | null;
            /** @description 至今天的整年党龄，预备党员为 0 */
            partyAgeYears: number;
            /** @description 流动党员 */
            isFlowing: boolean;
            /** @description 在职党员 */
            isInService: boolean;
            /**
             * @description 减少类型，在册为 null
             * @enum {string|null}
             */
            exitType: "deceased" | "expelled" | "stopped" | "lapsed" | "cancelled" | "transferred_out" | null;
            /** Format: date */
            exitAt: string | null;
            abilities: {
                canManage: boolean;
                /** @description 可查看完整身份证号和手机号（留痕） */
                canReveal: boolean;
            };
            /** @description 本人尚在办理或本年度已颁发的申报，无则为 null */
            medal50: {
                id: number;
                year: number;
                /** @enum {string} */
                status: "recommended" | "reviewed" | "awarded" | "rejected";
            } | null;
        };
        Medal50Abilities: {
            /** @description 推荐：当前用户管理党员所在支部的上级乡镇（街道）或基层党委 */
            canRecommend: boolean;
            /** @description 审核与颁发：当前用户管理旗县级以上党委 */
            canReview: boolean;
        };
        Medal50List: {
            org: {
                id: number;
                name: string;
            };
            year: number;
            /**
             * Format: date
             * @description 符合条件的最晚转正日期：(年度 − 50)-07-01
             */
            cutoff: string;
            items: components["schemas"]["Medal50Member"][];
            total: number;
            abilities: components["schemas"]["Medal50Abilities"];
        };
        Medal50Step: {
            seq: number;
            event: string;
            /** @description 事件的中文名称 */
            eventName: string;
            /** @description 流程自身的步骤编号 */
            step: number;
            /** Format: date */
            date: string;
            data: {
                note?: string;
                passed?: boolean;
                disciplineOpinion?: string;
                reason?: string;
            };
            warnings: string[];
            actorId: number | null;
            actorName: string | null;
            /** @description 办理该步的组织 */
            orgId: number | null;
            orgName: string | null;
        };
        Medal50Case: {
            id: number;
            memberId: number;
            memberName: string;
            orgId: number;
            orgName: string;
            year: number;
            /** @enum {string} */
            status: "recommended" | "reviewed" | "awarded" | "rejected";
            statusName: string;
            steps: components["schemas"]["Medal50Step"][];
            next: components["schemas"]["NextEvent"][];
            /** @description 当前状态提供的各步骤，当前用户是否可以办理 */
            abilities: {
                recommend?: boolean;
                review?: boolean;
                award?: boolean;
            };
        };
        Commendation: {
            id: number;
            /** @enum {string} */
            title: "excellent_member" | "excellent_worker" | "advanced_org";
            /** @enum {string} */
            level: "county" | "city" | "region" | "national";
            year: number;
            memberId: number | null;
            memberName: string | null;
            /** @description 党员的表彰为其所在党支部，组织的表彰为该组织 */
            orgId: number;
            orgName: string;
            /** Format: date */
            conferredAt: string;
            conferredBy: string | null;
            documentNo: string | null;
        };
        MemberHonors: {
            commendations: components["schemas"]["Commendation"][];
            medal50: components["schemas"]["Medal50Case"] | null;
        };
        IndicatorValue: ({
            id: string;
            name: string;
            unit: string;
            /** @enum {string} */
            kind: "number";
            value: number;
        } | {
            id: string;
            name: string;
            unit: string;
            /** @enum {string} */
            kind: "money";
            /** @description 元，两位小数 */
            value: string;
        }) & {
            /** @description 同组指标一起显示（如 org_type）；重点指标为空 */
            group: string | null;
        };
        IndicatorSnapshot: {
            org: {
                id: number;
                name: string;
            };
            /** Format: date */
            date: string;
            items: components["schemas"]["IndicatorValue"][];
        };
        IndicatorBreakdown: {
            indicator: {
                id: string;
                name: string;
                unit: string;
                /** @enum {string} */
                kind: "number" | "money";
                description: string;
            };
            org: {
                id: number;
                name: string;
            };
            /** Format: date */
            date: string;
            /** @description kind 为 money 时为元的小数字符串（如 "30.00"），否则为数值 */
            value: number | string;
            items: {
                orgId: number;
                orgName: string;
                /** @description kind 为 money 时为元的小数字符串（如 "30.00"），否则为数值 */
                value: number | string;
                childCount: number;
            }[];
        };
        Job: {
            name: string;
            summary: string;
            /** @description 运行时间（cron，北京时间） */
            cron: string;
        };
        JobRun: {
            name: string;
            summary: string;
            /** Format: date */
            today: string;
            result: {
                [key: string]: number;
            };
        };
        Meeting: {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            type: "general_assembly" | "committee" | "group" | "lecture" | "theme_day" | "life_meeting" | "appraisal" | "talk";
            /** @enum {string} */
            status: "planned" | "held";
            /** Format: date */
            date: string;
            place: string | null;
            host: string | null;
            topic: string | null;
            minutes: string | null;
            decisions: string | null;
            /** @description 应到人数；未登记到会情况（或仅计划）时为空 */
            shouldAttend: number | null;
            /** @description 实到人数 */
            present: number | null;
            /** @description 会议无效的原因（未达到法定人数），不计入组织生活完成情况 */
            quorumProblem: string | null;
            /** @description 党小组会所属的党小组 */
            groupId: number | null;
            /** @description 附件数 */
            attachments: number;
            abilities: {
                /** @description 可登记为已召开、上传附件 */
                canManage: boolean;
            };
        };
        MeetingPerson: {
            memberId: number;
            name: string;
            present: boolean;
            absenceReason: string | null;
        };
        Attachment: {
            id: number;
            meetingId: number;
            fileName: string;
            contentType: string;
            sizeBytes: number;
            /** Format: date-time */
            createdAt: string;
        };
        MeetingDetail: {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            type: "general_assembly" | "committee" | "group" | "lecture" | "theme_day" | "life_meeting" | "appraisal" | "talk";
            /** @enum {string} */
            status: "planned" | "held";
            /** Format: date */
            date: string;
            place: string | null;
            host: string | null;
            topic: string | null;
            minutes: string | null;
            decisions: string | null;
            /** @description 应到人数；未登记到会情况（或仅计划）时为空 */
            shouldAttend: number | null;
            /** @description 实到人数 */
            present: number | null;
            /** @description 会议无效的原因（未达到法定人数），不计入组织生活完成情况 */
            quorumProblem: string | null;
            /** @description 党小组会所属的党小组 */
            groupId: number | null;
            /** @description 附件数 */
            attachments: number;
            abilities: {
                /** @description 可登记为已召开、上传附件 */
                canManage: boolean;
            };
            people: components["schemas"]["MeetingPerson"][];
            files: components["schemas"]["Attachment"][];
        };
        ComplianceFinding: {
            /** @description 固定代码，如 meeting.committee.missing、term.overdue */
            code: string;
            /** @description 2026-08、2026-Q3 或 2026 */
            period: string;
            message: string;
            /** @description 党小组会问题所属的党小组 */
            groupId?: number;
            /** @description 问题涉及的人数（如欠交党费的党员） */
            count?: number;
        };
        OrgCompliance: {
            org: {
                id: number;
                name: string;
            };
            year: number;
            /** @description 截至今日已结束的周期内应开的会议数 */
            meetingsRequired: number;
            /** @description 其中应开未开的会议数 */
            meetingsOwed: number;
            items: components["schemas"]["ComplianceFinding"][];
        };
        ComplianceRollup: {
            orgId: number;
            name: string;
            /** @enum {string} */
            type: "committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch";
            branches: number;
            /** @description 有应开未开会议的党支部数 */
            branchesBehind: number;
            meetingsRequired: number;
            meetingsOwed: number;
            termsOverdue: number;
            termsDueSoon: number;
            termsUnrecorded: number;
            setupProblems: number;
            /** @description 有党员连续6个月以上未交党费的组织数 */
            duesLapse: number;
        };
        ComplianceSummary: {
            org: {
                id: number;
                name: string;
            };
            year: number;
            /**
             * Format: date
             * @description 扫描结果的日期；尚未扫描时为空
             */
            asOf: string | null;
            items: components["schemas"]["ComplianceRollup"][];
        };
        BranchCompliance: {
            orgId: number;
            name: string;
            parentName: string | null;
            meetingsRequired: number;
            meetingsOwed: number;
            findings: components["schemas"]["ComplianceFinding"][];
        };
        OrgAncestor: {
            id: number;
            name: string;
        };
        Org: {
            id: number;
            parentId: number | null;
            /** @description 物化路径（自根节点起的编号，如 1.4.17） */
            path: string;
            name: string;
            code: string;
            /** @enum {string} */
            type: "committee" | "working_committee" | "general_branch" | "branch" | "joint_branch" | "temporary_branch";
            /** @enum {string} */
            domain: "village" | "community" | "organ" | "institution" | "school" | "soe" | "private_enterprise" | "social_org" | "university" | "mixed";
            divisionCode: string | null;
            /** Format: date */
            foundedAt: string | null;
            unit: string | null;
            /** @description 联合党支部覆盖的单位数 */
            unitsCovered: number | null;
            /** Format: date */
            closedAt: string | null;
            closeReason: string | null;
            childCount: number;
            /** @description 自根节点至上级（详情与搜索结果带有） */
            ancestors: components["schemas"]["OrgAncestor"][];
            /** @description 当前用户在本组织内可做的事（按模块），页面据此提供操作 */
            abilities: {
                canManage: boolean;
                /** @description 可移动或撤销（须能管理其上级） */
                canRestructure: boolean;
                canManageMembers: boolean;
                canRecordMeetings: boolean;
                canManageDues: boolean;
                canRecordCommittee: boolean;
                canRegisterApplicants: boolean;
                canCommend: boolean;
                canTransfer: boolean;
                canOrganizeEvaluations: boolean;
            };
        };
        OrgRef: {
            id: number;
            name: string;
            code: string;
        };
        Reminder: {
            id: number;
            /** @description 提醒类别：development（发展党员）、medal50（纪念章）、evaluation（测评）、transfer（转接）、term（换届） */
            kind: string;
            kindName: string;
            /** @description 提醒所涉记录的编号（按类别：申请人、纪念章申报、测评对象、介绍信、党组织） */
            subjectId: number;
            orgId: number;
            orgName: string;
            step: number;
            /** Format: date */
            dueDate: string;
            title: string;
            /** Format: date */
            raisedAt: string;
            /** Format: date */
            resolvedAt: string | null;
            /** @description 已过期限（按北京时间的今天） */
            overdue: boolean;
        };
        ReminderList: {
            items: components["schemas"]["Reminder"][];
            overdue: number;
            total: number;
        };
        CalendarEntry: {
            /** Format: date */
            date: string;
            /** @enum {string} */
            kind: "holiday" | "workday";
            name: string | null;
            /**
             * @description 随产品提供（国务院通知），或由管理员添加（优先）
             * @enum {string}
             */
            source: "shipped" | "added";
        };
        CalendarYear: {
            items: components["schemas"]["CalendarEntry"][];
            year: number;
            /** @description 该年的国务院通知已随产品提供 */
            shipped: boolean;
        };
        UserAccount: {
            id: number;
            username: string;
            displayName: string;
            homeOrgId: number | null;
            disabled: boolean;
            mustChangePassword: boolean;
            /**
             * Format: date-time
             * @description 登录失败过多被锁定至此时刻
             */
            lockedUntil: string | null;
            /** Format: date-time */
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
            grants: {
                /** @enum {string} */
                role: "org_admin" | "branch_admin" | "grid_worker" | "member" | "sysadmin" | "secadmin" | "auditor";
                orgId: number;
                orgName: string;
            }[];
            /** @description 本账号对应的党员（党员本人账号，可查看「我的党费」） */
            memberId: number | null;
            memberName: string | null;
            abilities: {
                /** @description 可停用或启用（不含本人） */
                canDisable: boolean;
                /** @description 已锁定且可解锁 */
                canUnlock: boolean;
                canResetPassword: boolean;
                canEditGrants: boolean;
                /** @description 可关联或解除关联党员 */
                canLinkMember: boolean;
            };
        };
        ApiError: {
            error: {
                /** @description 错误代码，如 INVALID_INPUT、NOT_FOUND、FORBIDDEN */
                code: string;
                /** @description 中文错误说明 */
                message: string;
                details?: unknown;
            };
        };
        ServerStatus: {
            /** @description 首次启动的演示数据已就绪，接口可用 */
            ready: boolean;
            percent: number;
            /** @description 正在进行的准备阶段 */
            stage: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
