// zh-CN messages for refusals that are not tied to one rule: malformed input, sessions, limits.
export const commonErrors = {
  VALIDATION_FAILED: '输入内容有误，请检查后重新提交',
  FIELD_REQUIRED: '此项为必填项',
  FIELD_TOO_LONG: '输入内容过长，最多{{max}}个字符',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '未找到相关信息',
  RATE_LIMITED: '操作过于频繁，请{{seconds}}秒后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  SERVICE_UNAVAILABLE: '系统繁忙，请稍后再试',
  INTERNAL_ERROR: '系统错误，请稍后再试或联系客服',
} as const;
