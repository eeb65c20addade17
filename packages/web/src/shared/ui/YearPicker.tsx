import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { today } from '../dates';

/**
 * The year filter of the yearly pages (组织生活, 党费, 纪念章): always a year, never cleared, and
 * no year after `max` (this year unless said).
 */
export function YearPicker({
  value,
  onChange,
  min,
  max = Number(today().slice(0, 4)),
  'data-testid': testId,
}: {
  value: number;
  onChange: (year: number) => void;
  min?: number;
  max?: number;
  'data-testid'?: string;
}) {
  return (
    <DatePicker
      picker="year"
      value={dayjs(`${value}-01-01`)}
      onChange={(d) => d && onChange(d.year())}
      disabledDate={(d) => d.year() > max || (min !== undefined && d.year() < min)}
      allowClear={false}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
