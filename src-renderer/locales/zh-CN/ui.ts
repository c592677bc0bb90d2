// zh-CN strings of the renderer's own screens (error messages come from shared/locales).
export const ui = {
  app: {
    title: '全国大学英语四、六级考试（CET）报名',
    staffTitle: 'CET报名 学校负责老师工作台',
    language: '语言',
    switchToEnglish: 'English',
    switchToChinese: '中文',
  },
  steps: {
    register: '注册',
    login: '登录',
    qualification: '资格验证',
    written: '笔试报名缴费',
    oral: '口试报名缴费',
    done: '报名成功',
  },
  kiosk: {
    welcome: '欢迎使用CET考试报名系统',
  },
  staff: {
    welcome: '请使用学校负责老师账号登录',
  },
} as const;
