/**
 * The clipping duplicate key exactly as schema v2 shipped it (commit 8c3466b), frozen for the v2
 * upgrade. The live `dedupKey` (lib/clippings/keys.ts) normalises through the fold table, whose
 * traditional → simplified pairs are regenerated from the current catalogue; a migration that
 * called it would give a browser upgrading today different keys than one that upgraded then.
 * So the fold rules, the pairs table of that day and the hash are copied here and never edited.
 * tests/unit/schema.test.ts pins the output against keys computed with the code of 8c3466b.
 */

// Pairs of (traditional, simplified) characters as scripts/trad-fold.mjs generated them at v2.
const V2_TRAD_FOLD_PAIRS =
  '並并乾干佈布併并來来侷局係系個个備备傢家傳传價价償偿優优兒儿內内兩两別别則则創创劃划動动務务區区協协厤历參参員员唸念問问啓启啟启單单噹当嚮向囌苏囑嘱國国圍围園园團团執执堅坚報报奮奋婦妇嬰婴學学實实寧宁審审寫写將将專专對对導导屆届層层屬属峯峰島岛嵗岁師师帶带幫帮幷并幹干廣广廳厅強强彆别後后復复愛爱態态應应戰战揚扬撐撑擔担據据擴扩敎教敗败數数於于昇升時时曆历曏向書书會会朮术東东査查業业榦干榮荣構构標标樣样機机檢检權权歲岁歷历決决減减準准溫温濟济為为無无營营爭争爲为牀床牽牵獲获現现環环產产産产畢毕當当療疗癥症發发監监眞真眾众睏困確确礎础種种稱称穩稳穫获箇个節节範范築筑簡简簽签籌筹籤签糰团紀纪約约紅红納纳級级細细終终組组結结給给統统經经綜综綠绿綫线維维網网緊紧緑绿線线縣县總总績绩織织繞绕繫系續续纔才羣群義义習习聯联職职脩修臨临與与興兴舉举萬万葯药蓋盖蔘参藥药蘇苏號号衆众術术衕同衛卫衞卫補补製制複复覈核見见規规觀观訂订計计託托記记訪访設设訴诉診诊評评試试話话誌志認认課课調调謀谋講讲識识譜谱議议護护譽誉變变讓让負负責责費费貿贸資资質质贛赣較较輕轻輪轮輸输轉转辦办農农迴回連连週周進进運运過过達达違违遠远遶绕選选鄉乡醫医針针錶表鍼针鎭镇鎮镇鐵铁長长門门閉闭開开間间閤合閩闽闆板關关陞升隊队階阶際际險险雙双難难雲云鞏巩韆千響响頂顶項项須须預预領领頭头題题類类顯显風风養养馬马驗验體体髮发鬚须鬥斗魯鲁麪面麫面麵面點点黨党齡龄齣出龍龙';

// White space, invisible characters and quotation marks: skipped, as the v2 fold table did.
const V2_IGNORED =
  ' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000' +
  '\u00ad\u200b\u200c\u200d\u2060\ufeff' +
  '"\'\u2018\u2019\u201c\u201d\u201e\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02\uff07';

let table: Map<number, number | null> | null = null;

/** Only the code units that do not map to themselves (null: skipped); built once, on first use. */
function v2Table(): Map<number, number | null> {
  if (table) return table;
  const map = new Map<number, number | null>();
  for (let c = 0x41; c <= 0x5a; c++) map.set(c, c + 0x20);
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = c - 0xfee0;
    map.set(c, ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii);
  }
  for (let i = 0; i + 1 < V2_TRAD_FOLD_PAIRS.length; i += 2)
    map.set(V2_TRAD_FOLD_PAIRS.charCodeAt(i), V2_TRAD_FOLD_PAIRS.charCodeAt(i + 1));
  for (let i = 0; i < V2_IGNORED.length; i++) map.set(V2_IGNORED.charCodeAt(i), null);
  // U+0000 folded to the table's "ignorable" value (0) and was skipped with the rest
  map.set(0, null);
  table = map;
  return map;
}

function v2NormalizeKey(text: string): string {
  const map = v2Table();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = map.has(code) ? map.get(code) : code;
    if (folded !== null && folded !== undefined) out += String.fromCharCode(folded);
  }
  return out;
}

function v2Fnv1a(text: string, seed = 0x811c9dc5): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export interface V2KeySource {
  kind: 'passage' | 'page';
  quote: string;
  passageId?: string;
  urlKey?: string;
  url?: string;
}

/** The v2 duplicate key: same source and same normalised quote give the same key. */
export function v2DedupKey(c: V2KeySource): string {
  const quote = v2NormalizeKey(c.quote);
  const digest = `${v2Fnv1a(quote)}${v2Fnv1a(quote, 0x9747b28c)}:${quote.length}`;
  if (c.kind === 'passage' && c.passageId) return `passage:${c.passageId}:${digest}`;
  return `page:${c.urlKey ?? c.url ?? ''}:${digest}`;
}
