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
/** A county-level body's own name: 县, 区 (a city district), 旗 (Inner Mongolia's county). */
const COUNTY_NAME = /^([\u4e00-\u9fff]{1,6}?(?:县|区|旗))/u;
/** A county-level city right after its prefecture (泉州市晋江市…): a second 市 in the name. */
const COUNTY_CITY = /^([\u4e00-\u9fff]{2,4}?市)/u;
/** What follows a place name in a body's name, never itself a place (卫生健康委, 人民政府). */
const NOT_A_PLACE = /^(?:卫生|人民|政府|医疗|医保|疾病|中医|财政|发展|教育|民政|办公)/u;

/** The county-level part at the start of `rest` (after the prefecture, or after the province). */
function countyPart(rest: string, afterCity: boolean): string | null {
  const county = COUNTY_NAME.exec(rest)?.[1];
  if (county && !NOT_A_PLACE.test(county)) return county;
  if (!afterCity) return null;
  const city = COUNTY_CITY.exec(rest)?.[1];
  return city && !NOT_A_PLACE.test(city) ? city : null;
}

/**
 * Level and region from the issuing body, where its name says so: 国家卫生健康委 → national;
 * 福建省卫生健康委员会 → provincial, 福建省; 漳州市卫生健康委员会 → municipal, 漳州市;
 * 漳州市长泰区卫生健康局, 泉州市晋江市卫生健康局, 上海市浦东新区卫生健康委员会 → county, with
 * the prefecture (or province-level city) kept in the region. Null when the name gives no place:
 * the form asks the user, who may pick 'other'.
 */
export function inferLevel(issuer: string): LevelGuess | null {
  const name = issuer.replace(/\s+/gu, '');
  if (!name) return null;
  if (NATIONAL.test(name)) return { level: 'national', region: '全国' };
  const province = PROVINCE_SUFFIX.exec(name);
  if (province?.[1] && (PROVINCES as readonly string[]).includes(province[1])) {
    const rest = name.slice(province[0].length);
    const municipality = MUNICIPALITIES.has(province[1]);
    // a district or county of a province-level city (上海市浦东新区) or one named under its province
    const direct = countyPart(rest, false);
    if (direct) return { level: 'county', region: `${province[0]}${direct}` };
    const city = municipality ? null : CITY.exec(rest);
    if (city?.[1] && !NOT_A_PLACE.test(city[1])) {
      const county = countyPart(rest.slice(city[0].length), true);
      if (county) return { level: 'county', region: `${province[0]}${city[1]}${county}` };
      return { level: 'municipal', region: `${province[0]}${city[1]}` };
    }
    return { level: 'provincial', region: province[0] };
  }
  const city = CITY.exec(name);
  if (city?.[1] && !NOT_A_PLACE.test(city[1])) {
    const county = countyPart(name.slice(city[0].length), true);
    if (county) return { level: 'county', region: `${city[1]}${county}` };
    return { level: 'municipal', region: city[1] };
  }
  // a county named alone needs two characters before 县/区/旗 (社区卫生服务中心 is no county)
  const county = countyPart(name, false);
  if (county && county.length >= 3) return { level: 'county', region: county };
  return null;
}
