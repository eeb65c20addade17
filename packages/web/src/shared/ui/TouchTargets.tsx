import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../use-is-mobile';

/** WCAG 2.5.5 and the platform guidelines ask for touch targets of 44px and more. */
const TOUCH_THEME = {
  token: { controlHeight: 44 },
  // 16px text: iOS zooms into smaller inputs on focus. Text inputs take their height from the
  // line and the padding, not from controlHeight: 9px of padding keeps them above 44px.
  components: {
    Input: { inputFontSize: 16, paddingBlock: 9 },
    Select: { fontSize: 16 },
    DatePicker: { fontSize: 16, paddingBlock: 9 },
  },
};

/**
 * On a phone, the antd controls inside `children` (inputs, pickers, selects, buttons) are 44px
 * tall; 16px input text also keeps iOS from zooming in on focus. Portals (drawers, modals) inherit it.
 */
export function TouchTargets({ children }: { children: ReactNode }) {
  const isMobile = useIsMobile();
  return isMobile ? <ConfigProvider theme={TOUCH_THEME}>{children}</ConfigProvider> : children;
}
