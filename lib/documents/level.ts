import { PROVINCES } from '../corpus/places';
import type { AdminLevel } from '../corpus/types';

export interface LevelGuess {
  level: AdminLevel;
  region: string;
}

const NATIONAL =
  /^(?:国务院|国家|中共中央|中央|全国|国务院办公厅|财政部|人力资源社会保障部|教育部|民政部|工业和信息化部|商务部|医保局)/u;
const PROVINCE_SUFFIX = /^(.{2,3}?)(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)/u;
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const CITY = /^(?:[\u4e00-\u9fff]{2,3}省)?([\u4e00-\u9fff]{2,6}?(?:市|州|盟|地区))/u;
const COUNTY = /^(?:[\u4e00-\u9fff]{2,3}省)?(?:[\u4e00-\u9fff]{2,6}?(?:市|州))?([\u4e00-\u9fff]{1,6}?(?:县|区|旗))/u;

/**
 * Level and region from the issuing body, where its name says so: 国家卫生健康委 → national;
 * 福建省卫生健康委员会 → provincial, 福建省; 漳州市卫生健康委员会 → municipal, 漳州市. A county
 * body is listed as municipal (the corpus has no county level yet) with the county as its region.
 * Null when the name gives no place: the form asks the user.
 */
export function inferLevel(issuer: string): LevelGuess | null {
  const name = issuer.replace(/\s+/gu, '');
  if (!name) return null;
  if (NATIONAL.test(name)) return { level: 'national', region: '全国' };
  const province = PROVINCE_SUFFIX.exec(name);
  if (province?.[1] && (PROVINCES as readonly string[]).includes(province[1])) {
    const rest = name.slice(province[0].length);
    const municipality = MUNICIPALITIES.has(province[1]);
    const county = COUNTY.exec(rest);
    if (county?.[1] && !/^(?:卫生|人民|政府)/u.test(county[1]))
      return { level: 'municipal', region: `${province[0]}${county[0]}` };
    const city = municipality ? null : CITY.exec(rest);
    if (city?.[1] && !/^(?:卫生|人民)/u.test(city[1]))
      return { level: 'municipal', region: `${province[0]}${city[1]}` };
    return { level: 'provincial', region: province[0] };
  }
  const city = CITY.exec(name);
  if (city?.[1]) return { level: 'municipal', region: city[1] };
  return null;
}
