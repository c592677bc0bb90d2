// zh-CN messages for a passport's identity and credentials: password (A1), ID numbers (A2), contact and name (A3).
export const identityErrors = {
  PASSWORD_FORMAT: '密码长度为8-18位字符，且必须同时包含：字母、数字和特殊字符!@#%^&*_-',
  PASSWORD_CHARACTER_NOT_ALLOWED: '密码只能由字母、数字和特殊字符!@#%^&*_-组成',
  PASSWORD_CONFIRMATION_MISMATCH: '两次输入的密码不一致',
  RESIDENT_ID_FORMAT: '居民身份证号码应为18位：前17位为数字，最后一位为数字或大写字母X',
  RESIDENT_ID_REGION: '居民身份证号码前两位的地区代码无效',
  RESIDENT_ID_BIRTH_DATE: '居民身份证号码中的出生日期无效',
  RESIDENT_ID_CHECK_CHARACTER: '居民身份证号码校验位不正确，请检查是否输错',
  TAIWAN_PERMIT_FORMAT: '台湾居民往来大陆通行证号码应为8位数字或10位字母和数字',
  HK_MACAO_PERMIT_FORMAT: '港澳居民来往内地通行证号码应为H或M开头，后接8位或10位数字',
  PASSPORT_NUMBER_FORMAT: '护照号码应为5-17位字母或数字',
  HK_ID_FORMAT: '香港身份证号码格式应为A123456(7)',
  HK_ID_CHECK_DIGIT: '香港身份证号码括号内的校验位不正确，请检查是否输错',
  MACAO_ID_FORMAT: '澳门身份证号码格式应为1234567(8)',
  MOBILE_FORMAT: '请输入正确的11位手机号码',
  EMAIL_FORMAT: '请输入正确的电子邮箱地址',
  NAME_FORMAT: '姓名只能包含汉字、英文字母，以及用于分隔的空格、间隔号“·”、连字符或撇号',
} as const;
