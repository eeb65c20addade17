import { useSyncExternalStore } from 'react';

/** Phone width: below antd's `md` breakpoint (768px) the layout swaps its sider for a drawer. */
const PHONE_QUERY = '(max-width: 767.98px)';

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(PHONE_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/**
 * True on phone-width screens. Reads `matchMedia` synchronously, so the first render already
 * has the right layout (antd's `useBreakpoint` reports nothing until after mount).
 */
export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches);
}
