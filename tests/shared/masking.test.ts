// A7 the retrieved account and C8 the review application, shown back masked.
import { describe, expect, it } from 'vitest';
import type { ReviewApplication } from '../../shared/domain/review-application.js';
import { maskEmail, maskIdNumber, maskMobile, maskName, maskReviewApplication, maskTicket } from '../../shared/rules/masking.js';

describe('A7 masking of a retrieved passport account', () => {
  it.each([
    ['abcdef@163.com', 'ab***@163.com'],
    ['liao.xiaoer@mail.example.edu.cn', 'li***@mail.example.edu.cn'],
    ['ab@qq.com', 'a***@qq.com'],
    ['a@qq.com', 'a***@qq.com'],
  ])('A7 masks email %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('A7 does not give away the length of the mailbox name', () => {
    expect(maskEmail('abc@163.com').length).toBe(maskEmail('abcdefghij@163.com').length);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['19900000001', '199****0001'],
  ])('A7 masks mobile %s as %s', (mobile, masked) => {
    expect(maskMobile(mobile)).toBe(masked);
  });
});

describe('C8 masking of what is shown back', () => {
  it.each([
    ['330101199001010024', '3301**********0024'],
    ['A123456(3)', 'A1******3)'],
    ['1234567(8)', '12******8)'],
    ['E12345678', 'E1*****78'],
    ['AB123', 'A***3'],
    ['123', '***'],
  ])('C8 masks ID number %s as %s', (idNumber, masked) => {
    expect(maskIdNumber(idNumber)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['颜', '*'],
    ['John Smith', 'J*** *****'],
    ['𠮷野家', '𠮷**'],
  ])('C8 masks name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('C8 masks a ticket number like an ID number', () => {
    expect(maskTicket('330011171100112')).toBe('330*********112');
  });

  it('C8 masks name, ID type, ID number and ticket of a review application but keeps its status and reason', () => {
    const application: ReviewApplication = {
      id: 'review-1',
      passportId: '7DCE2A03B4B74FC9A55F6CA86F73A903',
      idType: 'MACAO_ID',
      idNumber: '1234567(8)',
      name: '李博',
      ticketNumber: '330011171100112',
      status: 'REJECTED',
      filedBy: 'CANDIDATE',
      proofNote: null,
      reviewerId: 'teacher-1',
      reason: '证件号码与成绩记录不一致',
      submissionCount: 2,
    };
    expect(maskReviewApplication(application)).toEqual({
      name: '李*',
      idType: '***',
      idNumber: '12******8)',
      ticketNumber: '330*********112',
      status: 'REJECTED',
      reason: '证件号码与成绩记录不一致',
    });
  });
});
