import { Radio, type RadioGroupProps } from 'antd';

/**
 * A few choices as a grid of separate buttons, `columns` to a row: each a comfortable touch target,
 * none squeezed as a button bar would be on a phone. Takes a Form.Item's value and onChange.
 */
export function ChoiceGrid<T extends string>({
  options,
  columns,
  style,
  ...props
}: { options: readonly { value: T; label: string }[]; columns: number } & Omit<RadioGroupProps, 'options' | 'optionType'>) {
  return (
    <Radio.Group
      optionType="button"
      style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 8, ...style }}
      {...props}
    >
      {options.map((o) => (
        <Radio.Button
          key={o.value}
          value={o.value}
          style={{ textAlign: 'center', borderInlineStartWidth: 1, borderRadius: 6, paddingInline: 4 }}
        >
          {o.label}
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
