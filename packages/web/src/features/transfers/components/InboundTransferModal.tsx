import { transferInSchema } from '@jishi/domain';
import { App, Col, DatePicker, Divider, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { FormModal, type SubmitContext } from '../../../shared/FormModal';
import { blankToUndefined, zodRule } from '../../../shared/zod-rule';
import {
  MEMBER_FIELD_NAMES,
  MemberFields,
  type MemberFieldValues,
  memberCreateInputOf,
  newMemberValues,
  passesMemberFacts,
  syncMemberFields,
} from '../../members/components/MemberFields';
import type { Member } from '../../members/members.api';
import { useReceiveFromOutside } from '../transfers.api';

interface InboundFields extends MemberFieldValues {
  origin?: string;
  letterNo?: string;
  issuedAt?: string;
  receivedAt?: string;
  transferNote?: string;
}

/** Every field the schema or the server may name: the member's and the letter's. */
const FORM_FIELDS = [...MEMBER_FIELD_NAMES, 'origin', 'letterNo', 'issuedAt', 'receivedAt', 'transferNote'] as const;

const rules = transferInSchema.shape;

const isFuture = (d: Dayjs) => d.format(DATE_FORMAT) > today();

/**
 * 登记系统外转入: a member whose 组织关系 comes from outside the system (another city, a 党组织 not
 * on this platform). The member's record is the one of 登记党员 (the same fields and rules), plus
 * the letter: where it comes from, its number, the day it was issued and the day it was received.
 * Checked with the domain schema and the record's cross-checks first; a field the server refuses
 * is marked at that field.
 */
export function InboundTransferModal({ onClose, onSaved }: { onClose: () => void; onSaved: (m: Member) => void }) {
  const [form] = Form.useForm<InboundFields>();
  const { message } = App.useApp();
  const receive = useReceiveFromOutside();

  const submit = async (values: InboundFields, { check }: SubmitContext) => {
    const parsed = check(transferInSchema, {
      ...memberCreateInputOf(values),
      origin: values.origin,
      letterNo: values.letterNo,
      issuedAt: values.issuedAt,
      receivedAt: values.receivedAt,
      transferNote: blankToUndefined(values.transferNote),
    });
    if (parsed === undefined || !passesMemberFacts(form, parsed)) return;
    const { member, transfer } = await receive.mutateAsync(parsed);
    message.success(`已接收「${member.name}」的组织关系，编入${transfer.toOrgName ?? member.orgName}`);
    onSaved(member);
  };

  return (
    <FormModal<InboundFields>
      form={form}
      title="登记系统外转入"
      submitText="登记并接收"
      submitTestId="inbound-submit"
      width={760}
      onClose={onClose}
      onSubmit={submit}
      fields={FORM_FIELDS}
      initialValues={{ ...newMemberValues(), receivedAt: today() }}
      onValuesChange={(changed: Partial<InboundFields>) => syncMemberFields(form, changed)}
      testId="inbound-form"
    >
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        组织关系介绍信
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="转出的党组织"
            name="origin"
            rules={[{ required: true, whitespace: true, message: '请填写转出的党组织' }, zodRule(rules.origin.optional())]}
          >
            <Input maxLength={100} placeholder="如：中共赤峰市红山区委组织部" data-testid="inbound-origin" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="介绍信编号"
            name="letterNo"
            rules={[{ required: true, whitespace: true, message: '请填写介绍信编号' }, zodRule(rules.letterNo.optional())]}
          >
            <Input maxLength={40} placeholder="如：赤组转〔2026〕8号" data-testid="inbound-letterNo" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="开具日期" name="issuedAt" rules={[{ required: true, message: '请选择开具日期' }]} {...dateStringField}>
            <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="inbound-issuedAt" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="接收日期"
            name="receivedAt"
            rules={[{ required: true, message: '请选择接收日期' }]}
            extra="不早于开具日期，不晚于今天"
            {...dateStringField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="inbound-receivedAt" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="备注" name="transferNote" rules={[zodRule(rules.transferNote)]}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        党员信息
      </Divider>
      <Row gutter={16}>
        <MemberFields orgLabel="接收党支部" testIdPrefix="inbound" />
      </Row>
    </FormModal>
  );
}
