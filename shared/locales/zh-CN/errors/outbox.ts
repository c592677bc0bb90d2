// zh-CN messages of the kiosk's local outbox (offline capture): refusals of capture, retry and discard, and why a queue stopped.
export const outboxErrors = {
  OUTBOX_DEVICE_NOT_ENROLLED: '本机尚未注册为报名设备，无法离线保存操作，请联系学校负责老师',
  OUTBOX_PAYLOAD_INVALID: '离线操作的内容不完整或格式不正确，未能保存',
  OUTBOX_SUMMARY_PERSONAL: '离线操作的摘要不得包含姓名、证件号码、手机号码、电子邮箱或密码',
  OUTBOX_OPERATION_NOT_FOUND: '找不到第{{seq}}号离线操作',
  OUTBOX_NOT_PENDING: '第{{seq}}号离线操作已发送或已作废，不能放弃',
  OUTBOX_NOT_REFUSED: '只有被拒绝的离线操作才能重试，第{{seq}}号操作不是',
  OUTBOX_ALREADY_RETRIED: '第{{seq}}号离线操作已重试为第{{newSeq}}号操作',
  OUTBOX_PAYLOAD_GONE: '第{{seq}}号离线操作的内容已按隐私规定删除，无法重试，请让考生重新办理',
  OUTBOX_KEY_UNAVAILABLE: '无法取得离线数据的加密密钥，离线操作暂时不能保存或发送',
  OUTBOX_UNREADABLE: '第{{seq}}号离线操作无法解密（加密密钥已更换），需要学校负责老师处理',
  OUTBOX_DEVICE_CHANGED: '本机已重新注册为新设备，但仍有旧设备的离线操作未发送，需要学校负责老师处理',
} as const;
