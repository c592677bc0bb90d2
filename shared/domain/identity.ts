// The real identity behind a passport account (SPEC §3, A2): ID type + ID number + name.
export const ID_TYPES = ['RESIDENT_ID', 'TAIWAN_PERMIT', 'HK_MACAO_PERMIT', 'PASSPORT', 'HK_ID', 'MACAO_ID'] as const;
/**
 * 中华人民共和国居民身份证, 台湾居民往来大陆通行证, 港澳居民来往内地通行证, 护照, 香港身份证, 澳门身份证.
 * 军官证 is deliberately absent: the seeds say it is not supported.
 */
export type IdType = (typeof ID_TYPES)[number];

export interface Identity {
  readonly idType: IdType;
  readonly idNumber: string;
  readonly name: string;
}
