/** Business dates travel as `YYYY-MM-DD` strings; antd pickers work on dayjs values. */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** Today as a business date string: the day in Asia/Shanghai, wherever the browser's clock is set. */
export const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * Form.Item props that keep a `YYYY-MM-DD` string in the form store while a DatePicker edits it,
 * so submitted values already have the API's shape.
 */
export const dateStringField = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format(DATE_FORMAT) : undefined),
};

/** `2024-05-01 09:30` (Beijing time) for an ISO timestamp, or `—`. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso
    ? new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      })
        .format(new Date(iso))
        .replaceAll('/', '-')
    : '—';
