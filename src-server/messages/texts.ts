// The wording of every SMS and email the server sends, in Chinese as candidates receive them.
const SIGNATURE = '【ETEST】';

const PURPOSE_NAMES = {
  register: '注册ETEST通行证',
  reset_password: '重置密码',
  change_profile: '修改资料',
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
