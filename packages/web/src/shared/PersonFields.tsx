import { memberCreateSchema } from '@jishi/domain';
import { Col, Form, Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { genderMatchesIdRule, idNumberRule } from './id-rules';
import { ETHNICITY_OPTIONS, GENDER_OPTIONS } from './labels';
import { zodRule } from './zod-rule';

/**
 * 姓名, 公民身份号码, 性别, 民族: the person fields a member and an applicant share, with the same
 * rules as the server (GB 11643, gender from the ID). For a grid `Row` of two columns.
 */
export function PersonFields({
  withIdNumber = true,
  idExtra,
  genderFromId,
  testIdPrefix,
}: {
  /** The ID cannot be changed on an existing record. */
  withIdNumber?: boolean;
  /** Under the ID field: what the number says (birth date, gender) or why it is wrong. */
  idExtra?: ReactNode;
  /** The gender was filled in from the ID. */
  genderFromId?: boolean;
  testIdPrefix: string;
}) {
  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item
          label="姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(memberCreateSchema.shape.name.optional())]}
        >
          <Input maxLength={40} data-testid={`${testIdPrefix}-name`} />
        </Form.Item>
      </Col>
      {withIdNumber && (
        <Col xs={24} sm={12}>
          <Form.Item label="公民身份号码" name="idNumber" required rules={[idNumberRule]} extra={idExtra}>
            <Input maxLength={24} inputMode="text" style={{ fontFamily: 'monospace' }} data-testid={`${testIdPrefix}-idNumber`} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Form.Item
          label="性别"
          name="gender"
          dependencies={['idNumber']}
          rules={[{ required: true, message: '请选择性别' }, genderMatchesIdRule]}
          extra={genderFromId ? '已按公民身份号码填写' : undefined}
        >
          <Radio.Group options={GENDER_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="民族" name="ethnicity" rules={[{ required: true, message: '请选择民族' }]}>
          <Select options={ETHNICITY_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
    </>
  );
}
