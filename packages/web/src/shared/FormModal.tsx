/**
 * The one frame of the app's dialogs. `ModalFrame` is the antd Modal as every dialog opens it
 * (destroyed when hidden, near the top of a phone's screen or filling it); `FormModal` puts a
 * vertical antd Form in it and carries the whole submit: the form's rules, then `onSubmit`, with
 * the OK button loading while it runs, and a refusal (the page's own check or the server's) shown
 * at the field it names, else as a message or an alert under the form.
 */
import { Alert, App, Form, type FormInstance, type FormProps, Modal, type ModalProps, Spin } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { isApiError } from './api-client';
import { checkedInput, type FieldAliases, type InputSchema, showFieldErrors, showSchemaIssues } from './form-errors';
import { useIsMobile } from './use-is-mobile';

/** On a phone, a dialog that asks for much fills the screen. */
const PHONE_FULL_SCREEN = { width: '100%', style: { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } };

/** What a refusal no field takes says when the failure is not the server's answer (a bug, a lost chunk). */
const FAILED = '操作失败，请稍后重试';

export interface ModalFrameProps extends Omit<ModalProps, 'destroyOnHidden' | 'width'> {
  /** Shown from mount by default: a dialog is usually rendered only while it is open. */
  open?: boolean;
  width?: number;
  /** On a phone, fill the screen (forms with many controls) rather than sit 8px from the top. */
  fullScreenOnPhone?: boolean;
  'data-testid'?: string;
}

/**
 * An antd Modal with the app's defaults: open from mount, its content destroyed once hidden, and
 * on a phone near the top of the screen (or filling it) so the keyboard leaves the form in view.
 */
export function ModalFrame({ open = true, width, fullScreenOnPhone = false, style, ...props }: ModalFrameProps) {
  const isMobile = useIsMobile();
  let layout: Pick<ModalProps, 'width' | 'style'> = { width, style };
  if (isMobile) layout = fullScreenOnPhone ? PHONE_FULL_SCREEN : { width, style: { top: 8, ...style } };
  return <Modal open={open} destroyOnHidden {...props} {...layout} />;
}

/** Where a refusal comes from: the page's own check of the input, or the server's answer. */
export type RefusalSource = 'check' | 'server';

/** What `onSubmit` is given besides the values: the same refusal handling the dialog uses for the server. */
export interface SubmitContext {
  /**
   * `input` checked with the domain's schema before it is sent: the parsed input, or undefined
   * with each issue at its field (the first as the dialog's refusal when none fits a field).
   */
  check: <T>(schema: InputSchema<T>, input: unknown) => T | undefined;
  /** Refuses the submit with `text`: at `field` when the form has it, else as the dialog's refusal. */
  refuse: (text: string, field?: string) => void;
}

export interface FormModalProps<Values> {
  title: ReactNode;
  /** Shown from mount by default; with `false` the dialog hides and its form is cleared. */
  open?: boolean;
  onClose: () => void;
  /**
   * Sends the values: resolves when done (closing the dialog is the caller's, on success), rejects
   * with the server's refusal, which is shown at the field it names or as the dialog's refusal.
   */
  onSubmit: (values: Values, context: SubmitContext) => unknown;
  /** The caller's form, when it watches or sets values; one is made otherwise. */
  form?: FormInstance<Values>;
  /** The form fields a refusal (the schema's or the server's `details.field`) may be shown at. */
  fields?: readonly string[];
  /** Schema or server field names shown at another form field. */
  aliases?: FieldAliases;
  initialValues?: FormProps<Values>['initialValues'];
  onValuesChange?: FormProps<Values>['onValuesChange'];
  /** The OK button's text (保存 unless said). */
  submitText?: ReactNode;
  cancelText?: ReactNode;
  /** The OK button is red: the submit removes or ends something. */
  danger?: boolean;
  submitDisabled?: boolean;
  /** `data-testid` of the OK button. */
  submitTestId?: string;
  /** `data-testid` of the form. */
  testId?: string;
  width?: number;
  fullScreenOnPhone?: boolean;
  /** What the form needs is still loading: a spinner instead of the form, and no submit. */
  loading?: boolean;
  /** What the form needs could not be loaded: this instead of the form, and no submit. */
  failure?: ReactNode;
  /** Shown above the form (with it: not while loading or failed). */
  intro?: ReactNode;
  /** Shown under the form, above the refusal. */
  outro?: ReactNode;
  /**
   * Refusals no field takes are shown as an alert under the form (with this title, or the
   * refusal as the title when none), rather than as a passing message.
   */
  refusalAlert?: { title?: string | Record<RefusalSource, string>; testId?: string };
  /** `data-*` attributes of the form. */
  formData?: Record<`data-${string}`, string | number>;
  children: ReactNode;
}

/**
 * A dialog around a vertical antd Form: OK submits the form, its rules run first, then
 * `onSubmit(values, { check, refuse })`; the OK button loads while that runs. A rejection (the
 * server's refusal) is shown at the fields of `fields` it names, else as the dialog's refusal.
 * The page's own refusal clears as soon as the input changes; the server's, at the next submit.
 */
export function FormModal<Values>({
  title,
  open = true,
  onClose,
  onSubmit,
  form: given,
  fields = [],
  aliases,
  initialValues,
  onValuesChange,
  submitText = '保存',
  cancelText,
  danger,
  submitDisabled,
  submitTestId,
  testId,
  width,
  fullScreenOnPhone,
  loading = false,
  failure,
  intro,
  outro,
  refusalAlert,
  formData,
  children,
}: FormModalProps<Values>) {
  const [own] = Form.useForm<Values>();
  const form = given ?? own;
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const running = useRef(false);
  const [refusal, setRefusal] = useState<{ source: RefusalSource; text: string }>();
  const [wasOpen, setWasOpen] = useState(open);
  const ready = !loading && !failure;
  // Hidden, the form is cleared (clearOnDestroy): so is the last refusal.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) setRefusal(undefined);
  }

  const refuse = (text: string, source: RefusalSource) => {
    if (refusalAlert) setRefusal({ source, text });
    else message.error(text);
  };
  const context: SubmitContext = {
    check: (schema, input) => checkedInput(form, schema, input, fields, (text) => refuse(text, 'check'), aliases),
    refuse: (text, field) => {
      if (field === undefined || !showSchemaIssues(form, [{ path: [field], message: text }], fields, aliases)) refuse(text, 'check');
    },
  };

  const finish = async (values: Values) => {
    if (running.current) return;
    running.current = true;
    setRefusal(undefined);
    setSubmitting(true);
    try {
      await onSubmit(values, context);
    } catch (error) {
      if (!showFieldErrors(form, error, fields, aliases)) refuse(isApiError(error) ? error.message : FAILED, 'server');
    } finally {
      running.current = false;
      setSubmitting(false);
    }
  };

  const alertTitle = refusalAlert?.title;
  const heading = typeof alertTitle === 'string' ? alertTitle : refusal && alertTitle?.[refusal.source];

  let body: ReactNode;
  if (failure) body = failure;
  else if (loading) body = <Spin style={{ display: 'block', margin: 32 }} />;
  else
    body = (
      <>
        {intro}
        <Form<Values>
          form={form}
          layout="vertical"
          autoComplete="off"
          clearOnDestroy
          initialValues={initialValues}
          onFinish={(values) => void finish(values)}
          onValuesChange={(changed, all) => {
            if (refusal?.source === 'check') setRefusal(undefined);
            onValuesChange?.(changed, all);
          }}
          data-testid={testId}
          {...formData}
        >
          {children}
        </Form>
        {outro}
        {refusal && (
          <Alert
            type="error"
            showIcon
            title={heading ?? refusal.text}
            description={heading ? refusal.text : undefined}
            data-testid={refusalAlert?.testId}
            data-source={refusal.source}
          />
        )}
      </>
    );

  return (
    <ModalFrame
      open={open}
      title={title}
      okText={submitText}
      cancelText={cancelText}
      okButtonProps={{ danger, disabled: submitDisabled || !ready, ...(submitTestId && { 'data-testid': submitTestId }) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      width={width}
      fullScreenOnPhone={fullScreenOnPhone}
    >
      {body}
    </ModalFrame>
  );
}
