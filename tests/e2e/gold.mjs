// The flagship terms and the report passages each must be tied to, shared by the e2e tests.

export const NATIONAL = 'national-work-conference-2024';
export const FUJIAN = 'fujian-work-conference-2024';
export const CITIES = 'fujian-cities-third-plenum-2024-07';
export const COMMISSION = 'fujian-commission-2024-07';
export const PROVINCES = 'eight-provinces-directors-2024';
export const REPORT_IDS = [NATIONAL, FUJIAN, CITIES, COMMISSION, PROVINCES];

export const FLAGSHIPS = {
  'sanyi-xietong': '三医协同',
  'qianxian-gongcheng': '千县工程',
  'jinmixing-yigongti': '紧密型医共体',
};

/** Passages a term must be tied to: by a text the passage contains and/or the section it is in. */
export const GOLD = {
  'sanyi-xietong': [
    { report: FUJIAN, text: '全面促进“三医协同”' },
    { report: NATIONAL, text: '“三医”协同发展和治理迈出新步伐' },
    { report: NATIONAL, text: '促进“三医”协同发展和治理' },
    { report: COMMISSION, text: '促进医疗、医保、医药协同发展和治理' },
    { report: PROVINCES, section: '浙江' },
    { report: PROVINCES, section: '福建' },
    { report: PROVINCES, section: '江西' },
    { report: PROVINCES, section: '导语' },
    { report: CITIES, section: '漳州' },
    { report: CITIES, section: '三明' },
  ],
  'qianxian-gongcheng': [{ report: NATIONAL, text: '深入推进“千县工程”' }],
  'jinmixing-yigongti': [
    { report: CITIES, section: '漳州' },
    { report: CITIES, section: '南平' },
    { report: COMMISSION, text: '推进紧密型城市医疗集团和县域医共体建设' },
    { report: COMMISSION, text: '紧密型县域医疗卫生共同体建设的实施方案' },
    { report: PROVINCES, section: '浙江' },
    { report: PROVINCES, section: '福建' },
    { report: PROVINCES, section: '江西' },
  ],
};

/** Each marked form on the news fixture: element id, the text as written, the term it stands for. */
export const FORMS = [
  { id: 'f-quoted', text: '“三医”协同', term: '三医协同' },
  { id: 'f-spaced', text: '三 医协同', term: '三医协同' },
  { id: 'f-long', text: '医疗、医保、医药协同发展和治理', term: '三医协同' },
  { id: 'f-split', text: '紧密型医共体', term: '紧密型医共体' },
  { id: 'f-official', text: '紧密型县域医疗卫生共同体', term: '紧密型医共体' },
  { id: 'f-traditional', text: '千縣工程', term: '千县工程' },
  { id: 'f-plain', text: '千县工程', term: '千县工程' },
];

/** The card's passages must be the flagship's gold passages, national ones first where they exist. */
export const CARD_GOLD = {
  三医协同: GOLD['sanyi-xietong'].filter((g) => g.report === NATIONAL).map((g) => g.text),
  千县工程: GOLD['qianxian-gongcheng'].map((g) => g.text),
};
