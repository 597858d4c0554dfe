// Writes the library's binary test fixtures once (they are committed): a three-page text PDF
// printed by Chromium (Noto CJK, running header and page-number footer), a PDF with no text layer
// (a picture of text, as a scanner makes), and a GB18030 text file (iconv; TextDecoder cannot encode it).
// Usage: node scripts/library-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, ROOT } from '../tests/e2e/harness.mjs';

const OUT = path.join(ROOT, 'tests/fixtures/library');

// Sentences in our own words, long enough for print to break lines inside them.
const PARAGRAPHS = [
  '各县要把“千县工程”作为提升县级医院综合能力的主要抓手，逐年补齐急诊急救、重症医学和肿瘤诊疗方面的短板，让县域居民的常见病和多发病在本县得到规范诊治。',
  '推进紧密型县域医共体建设，县级医院与乡镇卫生院、村卫生室在人员、财务和药品方面实行统一管理，医保基金按人头打包付费，结余部分留给医共体用于改善服务。',
  '加强人民群众健康管理，家庭医生团队为签约居民提供慢病随访、健康评估和用药指导，工作成效纳入对基层机构的年度考核。',
];

function reportHtml() {
  const body = [];
  body.push('<h1>示例县医疗卫生服务能力提升工作方案</h1>');
  for (let section = 1; section <= 6; section++) {
    body.push(`<h2>第${section}部分 工作安排</h2>`);
    for (let i = 0; i < 4; i++) body.push(`<p>${PARAGRAPHS[(section + i) % PARAGRAPHS.length]}</p>`);
  }
  body.push('<p class="sign">示例县卫生健康局</p><p class="sign">2025年4月8日</p>');
  return `<!doctype html><meta charset="utf-8"><style>
    body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; width: 12cm; }
    p { text-indent: 2em; line-height: 1.8; } .sign { text-align: right; }
  </style>${body.join('\n')}`;
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setContent(reportHtml());
  const pdf = await page.pdf({
    format: 'A4',
    displayHeaderFooter: true,
    headerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">示例县卫生健康局文件</div>',
    footerTemplate:
      '<div style="font-size:9pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    margin: { top: '2.5cm', bottom: '2.5cm', left: '2cm', right: '2cm' },
  });
  writeFileSync(path.join(OUT, 'county-plan.pdf'), pdf);

  // a "scan": the same kind of text drawn into a canvas, printed as an image only
  await page.setContent('<!doctype html><meta charset="utf-8"><canvas id="c" width="800" height="1000"></canvas>');
  await page.evaluate((text) => {
    const canvas = document.getElementById('c');
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 800, 1000);
    ctx.fillStyle = '#000';
    ctx.font = '24px "Noto Serif CJK SC"';
    text.forEach((line, i) => {
      ctx.fillText(line.slice(0, 30), 40, 60 + i * 40);
    });
    const img = new Image();
    img.src = canvas.toDataURL('image/png');
    img.width = 600;
    document.body.replaceChildren(img);
  }, PARAGRAPHS);
  await page.waitForTimeout(200);
  writeFileSync(path.join(OUT, 'scanned.pdf'), await page.pdf({ format: 'A4' }));
} finally {
  await browser.close();
}

const gbText = [
  '关于做好基层慢性病管理工作的通知',
  '',
  '各乡镇卫生院：',
  '为进一步做好高血压、糖尿病患者的健康管理，提高规范管理率，现将有关要求通知如下。',
  '一、各卫生院要按季度开展随访，随访结果及时录入居民电子健康档案，做到底数清、情况明。',
  '二、推行“医防融合”服务，门诊医生在诊疗时同步开展健康教育和危险因素干预。',
  '示例县卫生健康局',
  '2024年11月5日',
  '',
].join('\r\n');
writeFileSync(
  path.join(OUT, 'notice-gb18030.txt'),
  execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: Buffer.from(gbText, 'utf8') }),
);
console.log('wrote', OUT);
