// zh-CN messages for kiosk devices: enrolment with a one-time code, and the sync protocol's refusals.
export const deviceErrors = {
  DEVICE_ENROLMENT_CODE_INVALID: '设备注册码无效、已使用或已过期，请向学校负责老师或管理员重新申请',
  DEVICE_REVOKED: '该设备已被停用，请重新注册设备',
  SYNC_SEQUENCE_GAP: '操作序号不连续，服务器期望从第{{expectedSeq}}号操作开始同步',
  SYNC_DEPENDENCY_REFUSED: '该操作所依赖的前一操作已被拒绝，因此无法执行',
} as const;
