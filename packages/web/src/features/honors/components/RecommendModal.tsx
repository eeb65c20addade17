import { MEDAL50_STEPS, medal50RecommendSchema } from '@jishi/domain';
import { Alert, App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../shared/api-client';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { showFieldErrors } from '../../../shared/form-errors';
import { blankToUndefined } from '../../../shared/zod-rule';
import { type Medal50Member, useRecommendMedal50, useRefreshHonors } from '../honors.api';

interface RecommendFields {
  date?: string;
  note?: string;
}

const FORM_FIELDS = ['date', 'note'] as const;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/** A member the server refused, with the rule's words. */
interface Refused {
  member: Medal50Member;
  message: string;
}

/**
 * 推荐 one member or a selection for the year's medal (step 1, by the 乡镇（街道）or 基层党委).
 * The members are put forward one by one; each refusal (a case already live, no longer eligible,
 * not the committee above the branch) is listed with the member's name and the rule's words.
 */
export function RecommendModal({ members, year, onClose }: { members: Medal50Member[]; year: number; onClose: () => void }) {
  const [form] = Form.useForm<RecommendFields>();
  const { message } = App.useApp();
  const recommend = useRecommendMedal50();
  const refresh = useRefreshHonors();
  const [refused, setRefused] = useState<Refused[]>([]);
  const single = members.length === 1 ? members[0] : undefined;

  const submit = async (values: RecommendFields, { check }: SubmitContext) => {
    const first = check(medal50RecommendSchema, { memberId: members[0]?.id, year, date: values.date, note: blankToUndefined(values.note) });
    if (first === undefined) return;
    const failures: Refused[] = [];
    let done = 0;
    // One at a time: each is its own decision (and audit row); a refusal does not stop the rest.
    for (const member of members) {
      try {
        await recommend.mutateAsync({ ...first, memberId: member.id });
        done++;
      } catch (error) {
        if (single && showFieldErrors(form, error, FORM_FIELDS)) continue;
        failures.push({ member, message: isApiError(error) ? error.message : '推荐失败，请稍后重试' });
      }
    }
    await refresh();
    setRefused(failures);
    if (done > 0) message.success(single ? `已推荐「${single.name}」` : `已推荐 ${done} 名党员`);
    if (failures.length === 0 && done === members.length) onClose();
  };

  return (
    <FormModal<RecommendFields>
      form={form}
      title={single ? `推荐颁发纪念章 · ${single.name}` : `推荐颁发纪念章 · ${members.length} 名党员`}
      submitText="推荐"
      submitTestId="medal50-recommend-submit"
      submitDisabled={refused.length > 0}
      cancelText={refused.length > 0 ? '关闭' : undefined}
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ date: today() }}
      testId="medal50-recommend-form"
      intro={
        <>
          <Typography.Paragraph type="secondary">
            {year} 年度「光荣在党50年」纪念章：党支部核实党龄后，由{MEDAL50_STEPS[0].by}推荐，报{MEDAL50_STEPS[1].by}审核。
          </Typography.Paragraph>
          {!single && <Typography.Paragraph>推荐对象：{members.map((m) => m.name).join('、')}</Typography.Paragraph>}
        </>
      }
      outro={
        refused.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={single ? '推荐被拒绝' : `${refused.length} 名党员未能推荐`}
            description={
              single ? (
                refused[0]?.message
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {refused.map((r) => (
                    <li key={r.member.id}>
                      {r.member.name}：{r.message}
                    </li>
                  ))}
                </ul>
              )
            }
            data-testid="medal50-refusal"
          />
        )
      }
    >
      <Form.Item label="推荐日期" name="date" rules={[{ required: true, message: '请选择推荐日期' }]} {...dateStringField}>
        <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="medal50-recommend-date" />
      </Form.Item>
      <Form.Item label="备注" name="note">
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
