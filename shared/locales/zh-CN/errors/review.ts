// zh-CN messages for the CET6 qualification review (C1–C7).
export const reviewErrors = {
  REVIEW_NOT_OFFERED: '不满足CET6资格复核条件',
  REVIEW_TICKET_FORMAT: '准考证号应为15位数字',
  REVIEW_TICKET_NOT_CET4: '请输入英语四级笔试的准考证号',
  REVIEW_TICKET_BEFORE_2005: 'CET四级笔试成绩为2005年之前的考生，请联系学校相关负责老师代为申请。',
  REVIEW_SCORE_BELOW_PASS: '该准考证号的英语四级笔试成绩未达到{{minimum}}分，无法提交',
  REVIEW_NO_MATCHING_RECORD: '准考证号错误，或证件号码和姓名都与该准考证号的成绩记录不一致，无法提交',
  REVIEW_PENDING_LOCKED: '“未复核”状态的申请无法修改和取消，请联系学校负责老师进行手动复核',
  REVIEW_APPROVED_FINAL: '复核已通过，无法更改和取消',
  REVIEW_NOT_PENDING: '该申请不是“未复核”状态，不能进行手动复核',
  REVIEW_IDENTITY_NOT_OWN: '复核申请的姓名、证件类型和证件号码须与本通行证的实名信息一致',
  REVIEW_ALREADY_EXISTS: '该通行证已有一条复核申请，一个通行证账号只能绑定一条复核申请',
  REVIEW_NOT_FOUND: '未找到复核申请',
} as const;
