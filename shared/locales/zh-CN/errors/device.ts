// zh-CN messages for kiosk devices: enrolment with a one-time code, and the sync protocol's refusals.
export const deviceErrors = {
  DEVICE_ENROLMENT_CODE_INVALID: '设备注册码无效、已使用或已过期，请向学校负责老师或管理员重新申请',
  DEVICE_REVOKED: '该设备已被停用，请重新注册设备',
  SYNC_SEQUENCE_GAP: '操作序号不连续，服务器期望从第{{expectedSeq}}号操作开始同步',
  SYNC_DEPENDENCY_REFUSED: '该操作所依赖的前一操作已被拒绝，因此无法执行',
  SYNC_CANDIDATE_REF_INVALID: '该操作所指的第{{seq}}号操作不是本机已成功注册的ETEST通行证，因此无法执行',
  OPERATION_DISCARDED: '该离线操作已由学校负责老师作废',
  OPERATION_EXPIRED: '该离线操作超过保留期限未能提交，已失效',
  OFFLINE_GRANT_INVALID: '离线审核授权无效：不是本机签发的授权，或签发授权的老师已无权审核该申请',
  OFFLINE_GRANT_EXPIRED: '离线审核授权在作出审核决定时已过期，请联网后重新审核',
  OFFLINE_GRANT_REVOKED: '离线审核授权在作出审核决定前已被撤销，请联网后重新审核',
} as const;
