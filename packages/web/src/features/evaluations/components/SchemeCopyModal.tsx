import { App, Form, Input, InputNumber } from 'antd';
import { FormModal } from '../../../shared/FormModal';
import { type SchemeView, useCopyScheme } from '../evaluations.api';

interface CopyFields {
  year: number;
  name: string;
}

const FORM_FIELDS = ['year', 'name'] as const;

/** The old name with its year moved on (`2026年…` → `2027年…`), or the old name when it has none. */
const renamedFor = (name: string, from: number, to: number) => name.replaceAll(String(from), String(to));

/**
 * 复制为新年度: the scheme's criteria, levels, flags and steps under a new year and name. A scheme
 * already used by a round is frozen, so next year's changes start from a copy. A scheme this reader may not edit (a higher org's) is copied into `ownOrgId`: a 旗县 adapts the
 * city's scheme as its own.
 */
export function SchemeCopyModal({ scheme, ownOrgId, onClose }: { scheme: SchemeView; ownOrgId?: number; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = useCopyScheme();
  const nextYear = scheme.year + 1;

  const submit = async (values: CopyFields) => {
    const created = await copy.mutateAsync({
      id: scheme.id,
      year: values.year,
      name: values.name.trim(),
      orgId: scheme.abilities.canManage ? undefined : ownOrgId,
    });
    message.success(`已复制为「${created.name}」`);
    onClose();
  };

  return (
    <FormModal<CopyFields>
      title={`复制方案 · ${scheme.name}`}
      submitText="复制"
      submitTestId="scheme-copy-submit"
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ year: nextYear, name: renamedFor(scheme.name, scheme.year, nextYear) }}
    >
      <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="scheme-copy-year" />
      </Form.Item>
      <Form.Item
        label="方案名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}
        extra="同一单位同一年度的方案名称不能重复"
      >
        <Input maxLength={60} data-testid="scheme-copy-name" />
      </Form.Item>
    </FormModal>
  );
}
