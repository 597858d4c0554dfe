/**
 * Place names a section heading may consist of, or open with (上海市卫生健康委…). Provinces and
 * province-level cities by their short names, and the prefecture-level cities of Fujian, where
 * most of the bundled reports come from. Imported reports from elsewhere still get sections: their
 * label falls back to the heading text.
 */
export const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
] as const;

export const FUJIAN_CITIES = ['福州', '厦门', '漳州', '泉州', '三明', '莆田', '南平', '龙岩', '宁德', '平潭'] as const;

const PLACES: ReadonlySet<string> = new Set<string>([...PROVINCES, ...FUJIAN_CITIES]);

const HEALTH_COMMISSION = /^(.{2,3}?)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?(?:卫生健康委|卫健委)/u;

/** The place a heading names, by itself (福 州) or as the issuer of a byline (浙江省卫生健康委…). */
export function placeOfHeading(heading: string): string | null {
  const compact = heading.replace(/\s+/gu, '');
  const bare = compact.replace(/(?:省|市)$/u, '');
  if (PLACES.has(bare)) return bare;
  const byline = HEALTH_COMMISSION.exec(compact);
  if (byline?.[1] && PLACES.has(byline[1])) return byline[1];
  return null;
}
