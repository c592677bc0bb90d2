// The wording of every SMS and email the server sends, in Chinese as candidates receive them.
const SIGNATURE = '【ETEST】';

const PURPOSE_NAMES = {
  register: '注册ETEST通行证',
  reset_password: '重置密码',
  change_profile: '修改资料',
  verify_mobile: '验证手机',
} as const;

export function smsCodeText(purpose: keyof typeof PURPOSE_NAMES, code: string, validMinutes: number): string {
  return `${SIGNATURE}您正在${PURPOSE_NAMES[purpose]}，短信验证码为${code}，${validMinutes}分钟内有效。请勿将验证码告诉他人。`;
}

export function resetEmail(link: string, validMinutes: number): { subject: string; text: string } {
  return {
    subject: 'ETEST通行证 重置密码',
    text: [
      '您好：',
      '',
      `您正在通过邮箱重置ETEST通行证的密码。请在${validMinutes}分钟内点击下面的链接，输入新密码并再次确认后提交：`,
      '',
      link,
      '',
      '该链接只能使用一次。如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。',
    ].join('\n'),
  };
}

export function appealDecidedText(approved: boolean, reason: string | null): string {
  return approved
    ? `${SIGNATURE}您的信息占用申诉已通过，证件信息已绑定到您申诉时填写的新通行证，请使用该证件号码及申诉时设置的密码登录。`
    : `${SIGNATURE}您的信息占用申诉未通过。原因：${reason ?? ''}。如有疑问请咨询报名网站服务热线。`;
}

/** What each offline operation kind is called in a candidate's SMS (K3). */
const OFFLINE_KIND_NAMES: Readonly<Record<string, string>> = {
  'passport.register': '注册ETEST通行证',
  'registration.save': '保存报名信息',
  'enrolment.written': '笔试科目报名',
  'enrolment.oral': '口试科目报名',
  'review.submit': '提交CET6资格复核申请',
  'review.decide': 'CET6资格复核审核',
};

/**
 * The outcome of an operation captured at a kiosk while it was offline (K3): confirmed, or not
 * accepted with the refusal's own message. No personal data: the candidate reads details after logging in.
 */
export function offlineOutcomeText(kind: string, applied: boolean, reason: string | null): string {
  const what = OFFLINE_KIND_NAMES[kind] ?? '操作';
  // A teacher's decision is not something the candidate did at the kiosk; a new passport's mobile still needs its proof.
  if (kind === 'review.decide') return `${SIGNATURE}您的CET6资格复核申请已有审核结果，请登录报名网站查看。`;
  if (kind === 'passport.register' && applied) {
    return `${SIGNATURE}您在考点自助报名机离线注册的ETEST通行证已在联网后确认。首次登录报名网站时请按提示验证手机。`;
  }
  return applied
    ? `${SIGNATURE}您在考点自助报名机离线办理的“${what}”已在联网后确认。请登录报名网站查看。`
    : `${SIGNATURE}您在考点自助报名机离线办理的“${what}”未能受理。原因：${reason ?? ''}。请登录报名网站查看或咨询学校负责老师。`;
}

export function offlineOutcomeEmail(kind: string, applied: boolean, reason: string | null): { subject: string; text: string } {
  return { subject: applied ? 'ETEST通行证 离线办理已确认' : 'ETEST通行证 离线办理未能受理', text: offlineOutcomeText(kind, applied, reason) };
}
