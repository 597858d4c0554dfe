import type { TermText } from './types';

// What each catalogue term is, in our own words, keyed by term id. Shown in the card and the popup;
// not needed by the page scanner, so kept apart from the forms (catalogue-forms.ts).
export const TERM_TEXT: Readonly<Record<string, TermText>> = {
  'sanyi-xietong': {
    category: 'reform',
    explanation: '党的二十大提出的医改主线：促进医疗服务、医疗保障、医药供应三方面协同发展和协同治理。',
    explanationEn:
      'Reform line set by the 20th Party Congress (2022): coordinated development and governance of medical services, medical insurance and pharmaceuticals.',
    related: ['sanyi-liandong', 'sanming-jingyan', 'sanxiang-renwu', 'shenhua-yiyao-weisheng-tizhi-gaige'],
    note: '三医联动 is kept as its own entry (sanyi-liandong), not an alias: it is the older (pre-2023) formulation of the same reform line, and a page that writes 三医联动 cites that older wording; marking it as 三医协同 would misstate which policy the page refers to, while related keeps it one click away. The 24 long forms cover every order of 医疗/医保/医药 with 发展和治理, 发展与治理, 治理和发展, 治理与发展 (004 has both 医保、医疗、医药协同发展和治理 and 医保、医疗、医药协同治理和发展).',
  },
  'sanyi-liandong': {
    category: 'reform',
    explanation: '三医协同的前身提法：推动医疗、医保、医药改革联动推进，2023年前的医改文件普遍使用。',
    explanationEn:
      'Predecessor of 三医协同: linked reform of medical services, medical insurance and pharmaceuticals, the usual wording in reform documents before 2023.',
    related: ['sanyi-xietong', 'sanming-jingyan'],
    note: 'Separate from sanyi-xietong on purpose: see the note there.',
  },
  'qianxian-gongcheng': {
    category: 'program',
    explanation: '国家卫生健康委部署的县医院综合能力提升工作，推动一批县医院达到三级医院服务能力水平。',
    explanationEn:
      'National Health Commission programme to raise the overall capacity of county hospitals, bringing a large group of them up to tertiary-hospital service level.',
    related: ['jinmixing-yigongti', 'fenji-zhenliao', 'qida-xingdong'],
  },
  'jinmixing-yigongti': {
    category: 'institution',
    explanation: '以县级医院为龙头、整合县乡村三级医疗卫生机构的紧密型服务共同体，实行一体化管理运行。',
    explanationEn:
      'Close-knit county medical community: county hospital-led integration of county, township and village health facilities under unified management.',
    related: [
      'yilianti',
      'jinmixing-chengshi-yiliao-jituan',
      'fenji-zhenliao',
      'qianxian-gongcheng',
      'yifang-xietong',
      'yifang-ronghe',
      'youzhi-yiliao-ziyuan-kuorong',
    ],
    note: 'The coordinated form 紧密型城市医疗集团和县域医共体 (003, 004) also names 紧密型城市医疗集团, but the product owner asked that it be marked as this flagship (leftmost-longest makes the whole phrase one hit); jinmixing-chengshi-yiliao-jituan is in related so the city group stays one click away. 医共体 alone is an alias because in these reports it always means the county community (e.g. 推动医共体向健共体转型, 数字医共体).',
  },
  'shenxue-zhengyou': {
    category: 'campaign',
    explanation: '福建省部署开展的作风建设行动，要求干部深学争优、敢为争先、实干争效，卫健系统持续深化拓展。',
    explanationEn:
      'Fujian province drive on work style (“study deeply to excel, dare to lead, work hard for results”), extended in the health system in 2024.',
    related: [],
  },
  'shisiwu-guihua': {
    category: 'program',
    explanation: '国民经济和社会发展第十四个五年规划（2021—2025年），卫生健康领域另有配套专项规划。',
    explanationEn:
      'The 14th Five-Year Plan for national economic and social development (2021–2025), with sectoral health plans under it.',
    related: [],
  },
  'sanxiang-renwu': {
    category: 'slogan',
    explanation: '福建2024年深化医改三项任务：推广三明经验促三医协同、公立医院高质量发展、构建大卫生大健康格局。',
    explanationEn:
      'Fujian’s three 2024 reform tasks: spread the Sanming experience and 三医协同, high-quality public hospital development, and a “big health” pattern.',
    related: [
      'sanming-jingyan',
      'sanyi-xietong',
      'sange-zhuanbian',
      'da-weisheng-da-jiankang',
      'sange-jiehe',
      'gongli-yiyuan-gaozhiliang-fazhan',
    ],
    note: 'Generic-looking numbered phrase; kept because the brief asks for numbered slogans in full. 深化医改三项任务 is listed so that 深化医改“三项任务” is one hit.',
  },
  'sanming-jingyan': {
    category: 'reform',
    explanation: '福建三明市自2012年起推进医疗、医保、医药联动改革形成的经验，国家层面要求推广。',
    explanationEn:
      'Experience of Sanming (Fujian), which since 2012 has reformed medical services, insurance and drugs together; promoted nationwide.',
    related: [
      'sanyi-xietong',
      'sanyi-liandong',
      'sanming-yangban',
      'sanxiang-renwu',
      'liangshi-liangzhongxin',
      'renmin-zhishang-ganwei-renxian',
    ],
    note: '三明 alone is deliberately not an alias (it is a city name).',
  },
  'sange-zhuanbian': {
    category: 'slogan',
    explanation: '公立医院高质量发展目标：发展方式转向提质增效、运行模式转向精细化管理、资源配置更重人才技术。',
    explanationEn:
      'The three shifts for public hospitals: from expansion to quality and efficiency, from extensive to refined management, from physical inputs to talent and technology.',
    related: ['sange-tigao', 'gongli-yiyuan-gaozhiliang-fazhan', 'sanxiang-renwu'],
    note: '001 writes “三个转变、三个提高” as one quoted pair; it is matched as two hits (this entry and sange-tigao) rather than as one alias, so that both formulas stay findable.',
  },
  'sange-tigao': {
    category: 'slogan',
    explanation: '与三个转变并提的公立医院高质量发展方向，国家卫健委2024年工作会议要求以此持续推进。',
    explanationEn:
      'Companion of the “three shifts”: the three improvements set as direction for high-quality public hospital development at the 2024 national conference.',
    related: ['sange-zhuanbian', 'gongli-yiyuan-gaozhiliang-fazhan'],
    note: 'The reports do not spell out the three improvements, so the explanation does not either.',
  },
  'da-weisheng-da-jiankang': {
    category: 'slogan',
    explanation: '把健康融入经济社会各领域、由全社会共同参与维护健康的理念，福建要求以此构建工作格局。',
    explanationEn:
      'The “big health” idea: health as a matter for all sectors and all of society; Fujian builds its work pattern on it.',
    related: ['sange-jiehe', 'sanxiang-renwu', 'jiankang-zhongguo'],
    note: '大健康 alone is not an alias (commercial wellness slang).',
  },
  'sange-jiehe': {
    category: 'slogan',
    explanation: '福建在构建大卫生、大健康格局中要求深化拓展的三方面结合工作，属深化医改三项任务之一。',
    explanationEn:
      'Fujian’s “three combinations”, deepened as part of building the big-health pattern (one of its three reform tasks).',
    related: ['da-weisheng-da-jiankang', 'sanxiang-renwu'],
    note: 'The report does not list the three combinations; the explanation stays general.',
  },
  'wuda-tixi': {
    category: 'slogan',
    explanation: '福建健康服务五大体系：医疗卫生服务、疾病预防控制、中医药服务、生育支持政策、老龄健康服务体系。',
    explanationEn:
      'Fujian’s five health-service systems: medical services, disease control, traditional Chinese medicine, birth support policy and elderly health services.',
    related: ['silei-nengli', 'jikong-tixi-gaige', 'shengyu-zhichi-zhengce'],
  },
  'silei-nengli': {
    category: 'slogan',
    explanation: '福建要求提升的四类能力：基本公共卫生服务、妇幼健康服务、职业健康服务、人才与科技支撑能力。',
    explanationEn:
      'Fujian’s four capacities: basic public health, maternal and child health, occupational health, and talent and science support.',
    related: ['wuda-tixi'],
  },
  'sanzhong-fengxian': {
    category: 'slogan',
    explanation: '福建卫健系统要持续防范的三种风险：重大传染病疫情、公立医院经济运行、安全生产风险。',
    explanationEn:
      'Three risks Fujian’s health system must guard against: major epidemics, public hospital finances and workplace safety.',
    related: ['sange-zhili', 'sanguan-sanbixu'],
  },
  'sange-zhili': {
    category: 'slogan',
    explanation: '福建推进的三个治理：行业系统治理、全民健康信息化治理、矛盾源头治理，以提升监管成效。',
    explanationEn:
      'Fujian’s three governance lines: sector-wide governance, population health informatisation, and resolving disputes at source.',
    related: ['fangguanfu', 'shuzi-fujian', 'sanzhong-fengxian'],
  },
  fangguanfu: {
    category: 'reform',
    explanation: '简政放权、放管结合、优化服务改革的简称，国务院推动的政府职能转变改革。',
    explanationEn:
      'Short name of the State Council reform to delegate power, combine it with regulation and improve government services.',
    related: ['sange-zhili'],
  },
  'shuzi-fujian': {
    category: 'program',
    explanation: '习近平在福建工作时提出的信息化建设战略，福建卫健系统借此推进全民健康信息化治理。',
    explanationEn:
      'Fujian informatisation strategy first proposed by Xi Jinping when he worked in the province; underpins health informatisation there.',
    related: ['sange-zhili'],
  },
  'hongyi-jingshen': {
    category: 'slogan',
    explanation: '源于土地革命时期苏区红色医疗卫生事业的精神传统，福建卫健系统要求传承弘扬。',
    explanationEn:
      'Spirit of the Red Army medical services of the Soviet-area period, which Fujian’s health system is asked to carry on.',
    related: ['hongse-dibiao'],
  },
  'hongse-dibiao': {
    category: 'program',
    explanation: '福建卫健系统打造的一批富有闽医特色的红色地标，用于传承红医精神、加强党建。',
    explanationEn:
      'Fujian health-system project to create “red landmarks” with a Fujian-medicine character, for Party-building and the Red Doctor tradition.',
    related: ['hongyi-jingshen'],
    note: 'Covers the two quoted words “闽医” and “红色地标” of 000 (富有“闽医”特色的新时代“红色地标”). Neither is an alias alone: 红色地标 is common prose for any revolutionary site, 闽医 is a two-character regional label.',
  },
  'dianti-zhengzhi': {
    category: 'campaign',
    explanation: '纪检监察机关围绕群众反映强烈的问题点题、相关部门限期整治的专项工作。',
    explanationEn:
      'Discipline-inspection drive in which problems raised by the public are named as topics and the responsible departments must fix them.',
    related: ['dianti-zhengzhi-geti-yiliao', 'yiyao-fubai-jizhong-zhengzhi'],
  },
  'dianti-zhengzhi-geti-yiliao': {
    category: 'campaign',
    explanation: '福建省纪委监委2024年点题整治项目，由省卫健委整治个体诊所等违法违规执业行为。',
    explanationEn:
      'Fujian 2024 named-problem project: the health commission cracks down on illegal practice by individually run clinics.',
    related: ['dianti-zhengzhi'],
  },
  'yilei-yiguan': {
    category: 'policy',
    explanation: '2023年1月起新冠病毒感染由乙类甲管调整为按乙类传染病管理，疫情防控转入常态化。',
    explanationEn:
      'Since January 2023 COVID-19 is managed as a Class B infectious disease with Class B measures, ending emergency controls.',
    related: [],
  },
  'liangge-queli': {
    category: 'slogan',
    explanation: '确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位。',
    explanationEn:
      'Political formula: establishing Xi Jinping as the core of the Party and Xi Jinping Thought as its guiding ideology.',
    related: ['liangge-weihu'],
  },
  'liangge-weihu': {
    category: 'slogan',
    explanation: '坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。',
    explanationEn:
      'Political formula: resolutely upholding Xi Jinping’s core status and the authority and centralised leadership of the Party Central Committee.',
    related: ['liangge-queli'],
  },
  'shuang-zhongxin': {
    category: 'program',
    explanation: '国家医学中心和国家区域医疗中心的合称，2024年要求以落实功能定位为重点统筹建设。',
    explanationEn:
      'Together the national medical centres and national regional medical centres, to be built according to their assigned functions.',
    related: ['guojia-yixue-zhongxin', 'guojia-quyu-yiliao-zhongxin'],
    note: 'Doubtful alias by nature: 双中心 also means “two-centre” in clinical-trial prose (双中心研究). Kept as canonical because 001 quotes it as a programme name.',
  },
  'chuantoushi-jianguan': {
    category: 'policy',
    explanation: '穿透层层环节直达实际行为和责任主体的监管方式，国家卫健委要求在行业综合监管中加强。',
    explanationEn:
      'Look-through supervision that reaches actual conduct and responsible parties; required in health-sector oversight.',
    related: [],
    note: 'The report quotes only “穿透式”; the adjective alone is not a name, so the entry is the full 穿透式监管 (as written in 001).',
  },
  'shishi-fangxin-buxia': {
    category: 'slogan',
    explanation: '习近平总书记强调的责任意识，要求各级干部对安全和民生始终保持放心不下的责任感。',
    explanationEn:
      'Xi Jinping’s phrase for a constant sense of responsibility (“never at ease”) about safety and people’s livelihoods.',
    related: ['sanguan-sanbixu'],
  },
  'sanguan-sanbixu': {
    category: 'policy',
    explanation: '安全生产责任原则：管行业必须管安全、管业务必须管安全、管生产经营必须管安全。',
    explanationEn:
      'Work-safety principle: whoever manages a sector, a business line or operations must also manage its safety.',
    related: ['shishi-fangxin-buxia', 'sanzhong-fengxian'],
  },
  'shidai-kaimo': {
    category: 'program',
    explanation: '中共中央宣传部评选发布的全国性先进典型荣誉称号，卫健系统有多名医务人员获评。',
    explanationEn:
      'National role-model title awarded by the Central Propaganda Department; several health workers have received it.',
    related: ['zuimei-yisheng'],
  },
  'zuimei-yisheng': {
    category: 'program',
    explanation: '宣传部门与卫生健康部门组织的医务人员先进典型宣传评选活动，发布年度最美医生。',
    explanationEn:
      'Annual campaign by propaganda and health authorities presenting exemplary doctors as “most beautiful doctors”.',
    related: ['shidai-kaimo'],
  },
  'song-wennuan': {
    category: 'campaign',
    explanation: '岁末年初走访慰问困难职工和群众的活动，国家卫健委要求卫健系统组织好并多办民生实事。',
    explanationEn:
      'Year-end visits with aid for workers and people in difficulty, which the health system is asked to organise.',
    related: [],
    note: 'The report quotes “送温暖”; the bare phrase is ordinary prose, so the entry is 送温暖活动 (as written in 001).',
  },
  'sanhui-yike': {
    category: 'policy',
    explanation: '党的基层组织生活制度：定期召开支部党员大会、支部委员会、党小组会，按时上好党课。',
    explanationEn:
      'Basic Party-branch routine: branch general meetings, branch committee meetings, Party group meetings and Party lectures.',
    related: [],
  },
  'liangshi-liangzhongxin': {
    category: 'program',
    explanation: '三明市在全民健康管理和医防协同中推行的工作机制，是打造健康中国三明样板的举措之一。',
    explanationEn:
      'Sanming mechanism for population health management and prevention–treatment coordination, part of its Healthy China showcase.',
    related: ['sanming-yangban', 'sanming-jingyan', 'yifang-xietong'],
    note: 'The report does not spell out the two roles and two centres; the explanation stays general.',
  },
  'sanming-yangban': {
    category: 'slogan',
    explanation: '三明市提出打造的健康中国建设示范样板，在三明医改基础上推进全民健康管理。',
    explanationEn:
      'Sanming’s aim to become a Healthy China showcase, building population health management on its reform experience.',
    related: ['sanming-jingyan', 'liangshi-liangzhongxin', 'jiankang-zhongguo'],
  },
  'da-anquan-da-pingan': {
    category: 'slogan',
    explanation: '福建多地卫健系统提出要巩固的全系统安全稳定发展环境，统筹发展和安全。',
    explanationEn:
      'Slogan of several Fujian health commissions for a sector-wide safe and stable environment, balancing development and security.',
    related: [],
  },
  'yilao-yixiao': {
    category: 'slogan',
    explanation: '老年人和婴幼儿两类重点人群的简称，相关健康服务和托育养老政策的重点对象。',
    explanationEn:
      'Shorthand for the elderly and young children, priority groups for health, childcare and elderly-care policies.',
    related: ['yiyu-jiehe', 'yiyang-jiehe', 'puhui-tuoyu'],
    note: '一老一幼 (004) is the same focus written with 幼; one entry.',
  },
  'yiyu-jiehe': {
    category: 'policy',
    explanation: '医疗卫生机构与托育机构联动协作、把儿童健康服务融入托育的服务模式。',
    explanationEn:
      'Model linking health facilities with childcare centres so that child health services are built into childcare.',
    related: ['puhui-tuoyu', 'yilao-yixiao', 'yiyang-jiehe'],
  },
  'jinan-choupan': {
    category: 'slogan',
    explanation: '群众急事难事愁事盼事的概括，政策文件常用以指代需优先解决的民生问题。',
    explanationEn:
      'Shorthand for people’s most urgent, difficult and anxious needs, which policy documents say must be solved first.',
    related: ['minsheng-huying'],
  },
  'zhiyebing-sanxiang-xingdong': {
    category: 'campaign',
    explanation: '2024—2025年职业病防治三项行动：危害项目申报扩面、中小微企业职业健康帮扶、防治机构提质合规。',
    explanationEn:
      '2024–2025 occupational-disease actions: wider hazard reporting, help for small firms, and quality and compliance of prevention bodies.',
    related: ['wugeyi-bangfu'],
    note: 'Quoted only as “三项行动”; the bare phrase is generic, so the entry is the full 职业病防治三项行动 (as written in 003).',
  },
  'wugeyi-bangfu': {
    category: 'campaign',
    explanation: '面向中小微企业的职业健康五个一帮扶行动，是职业病防治三项行动的内容之一。',
    explanationEn:
      '“Five ones” occupational-health assistance for small and micro firms, part of the three occupational-disease actions.',
    related: ['zhiyebing-sanxiang-xingdong'],
    note: 'Quoted only as “五个一”; too generic alone, so the entry is 五个一帮扶行动.',
  },
  'renmin-zhishang-shengming-zhishang': {
    category: 'slogan',
    explanation: '以人民为中心、把人民生命安全和身体健康放在第一位的执政理念表述。',
    explanationEn: 'Governing principle that people and human life come first, used for health and epidemic work.',
    related: ['renmin-zhishang-ganwei-renxian'],
  },
  'qige-jianchi': {
    category: 'slogan',
    explanation:
      '上海卫健委2023年工作概括：坚持多病共防、优化体系、高质量发展、传承创新、便民惠民、服务战略、提高效能。',
    explanationEn:
      'Shanghai’s seven principles of 2023: joint disease prevention, system building, quality, TCM, convenience, strategy service, efficiency.',
    related: ['wuge-zhongxin'],
  },
  'wuge-zhongxin': {
    category: 'slogan',
    explanation: '上海建设国际经济、金融、贸易、航运和科技创新中心的城市战略定位。',
    explanationEn:
      'Shanghai’s goal to be an international economic, financial, trade, shipping and sci-tech innovation centre.',
    related: ['dingtian-qiangyao-lidi', 'qige-jianchi'],
  },
  'dingtian-qiangyao-lidi': {
    category: 'slogan',
    explanation: '上海打造高水平医疗服务体系的分层思路：顶端医学高峰、中间区域医疗、底部社区基层。',
    explanationEn:
      'Shanghai’s layered plan for its medical system: top-level peaks, a strong middle tier and a solid community base.',
    related: ['wuge-zhongxin'],
  },
  'yongdang-xianxingzhe': {
    category: 'slogan',
    explanation: '浙江落实习近平总书记考察浙江重要讲话提出的使命要求，2024年为其再出发之年。',
    explanationEn:
      'Zhejiang’s mission slogan (“be a pioneer, write a new chapter”) from Xi Jinping’s inspection; 2024 is its new start.',
    related: ['kanbing-buchusheng', 'jiuda-xingdong'],
  },
  'kanbing-buchusheng': {
    category: 'slogan',
    explanation: '浙江提出的医疗服务目标：让群众在本省就能看好疑难重症，减少跨省就医。',
    explanationEn:
      'Zhejiang goal that patients can get even complex care within the province instead of travelling elsewhere.',
    related: ['jiuda-xingdong', 'yongdang-xianxingzhe'],
  },
  'jiuda-xingdong': {
    category: 'program',
    explanation: '浙江加快推进省域卫生健康现代化实施的九项行动，围绕建高峰、强县域、稳基层等展开。',
    explanationEn:
      'Zhejiang’s nine actions for a modern provincial health system: medical peaks, strong counties, stable primary care and more.',
    related: [
      'kanbing-buchusheng',
      'qida-xingdong',
      'shanhai-tisheng-gongcheng',
      'baiyuan-chuangxin-qianyi-chuangke',
      'yongdang-xianxingzhe',
      'zonghe-qiang-zhuanke-jing',
      'jiceng-wanming-yisheng',
    ],
    note: 'Quoted only as “九大行动”; too generic alone, so the entry is the full form as written in 004.',
  },
  'baiyuan-chuangxin-qianyi-chuangke': {
    category: 'program',
    explanation: '浙江推动医院和医生开展医学科技创新、加强科研攻关的工程。',
    explanationEn: 'Zhejiang programme getting hospitals and doctors to innovate in medical science and research.',
    related: ['jiuda-xingdong'],
  },
  'zonghe-qiang-zhuanke-jing': {
    category: 'slogan',
    explanation: '浙江构建优质高效医疗卫生服务体系的目标：综合医院做强、专科医院做精。',
    explanationEn:
      'Zhejiang target for its hospital system: strong general hospitals and refined specialist hospitals.',
    related: ['jiuda-xingdong'],
  },
  'qida-xingdong': {
    category: 'program',
    explanation: '浙江为强县域推进的高水平县级医院建设七项行动，包括建设县级医院临床重点专科。',
    explanationEn: 'Zhejiang’s seven actions to build high-level county hospitals, including key clinical specialties.',
    related: ['jiuda-xingdong', 'qianxian-gongcheng'],
    note: 'Quoted only as “七大行动”; too generic alone, so the entry is the full form as written in 004.',
  },
  'shanhai-tisheng-gongcheng': {
    category: 'program',
    explanation: '浙江组织城市高水平医院帮扶山区和海岛县医院、提升其医疗服务能力的工程。',
    explanationEn:
      'Zhejiang programme in which strong city hospitals help hospitals in mountain and island counties raise their capacity.',
    related: ['zutuanshi-bangfu', 'jiuda-xingdong'],
    note: '山海 alone (the quoted word) is not an alias: two characters, ordinary word.',
  },
  'zutuanshi-bangfu': {
    category: 'policy',
    explanation: '由派出方成批选派医疗人才、整建制支援受援医院的帮扶方式，浙江用于山区海岛县。',
    explanationEn:
      'Group-style aid: teams of medical staff are sent together to support a recipient hospital; used by Zhejiang for remote counties.',
    related: ['shanhai-tisheng-gongcheng'],
    note: 'The quoted word is “组团式”; the entry is 组团式帮扶 as written in 004.',
  },
  'jiceng-wanming-yisheng': {
    category: 'program',
    explanation: '浙江三年行动计划：组织1万名以上基层医务人员到上级医院进修，提升基层服务能力。',
    explanationEn: 'Zhejiang three-year plan sending over 10,000 primary-care health workers for further training.',
    related: ['jiuda-xingdong'],
  },
  'tijian-manbing-quanzhouqi': {
    category: 'policy',
    explanation: '浙江构建的服务闭环：通过健康体检发现慢性病，再纳入全周期健康管理。',
    explanationEn:
      'Zhejiang closed service loop: health check-ups to detect chronic disease, followed by life-cycle health management.',
    related: [],
  },
  'zhua-luoshi-ti-shuiping': {
    category: 'slogan',
    explanation: '安徽省卫健委2024年提出的工作思路，用以谋划推进卫生健康事业高质量发展。',
    explanationEn:
      'Anhui health commission’s 2024 work approach: implement, raise standards, innovate and strive to lead.',
    related: ['sandi-yiqu', 'qige-qiangsheng'],
  },
  'sandi-yiqu': {
    category: 'slogan',
    explanation: '安徽战略定位：科技创新策源地、新兴产业聚集地、改革开放新高地和绿色转型区。',
    explanationEn:
      'Anhui’s strategic role: source of innovation, hub of new industries, high ground of opening-up, and green-transition zone.',
    related: ['qige-qiangsheng', 'zhua-luoshi-ti-shuiping'],
  },
  'qige-qiangsheng': {
    category: 'slogan',
    explanation: '安徽提出的建设七个方面强省的奋斗目标，卫健系统据此谋划重点工作。',
    explanationEn: 'Anhui’s goal of becoming a strong province in seven fields, guiding its health priorities.',
    related: ['sandi-yiqu', 'zhua-luoshi-ti-shuiping'],
  },
  'yi-yi-wu-n': {
    category: 'program',
    explanation: '安徽构建的分层级传染病救治体系框架，由不同层级的救治机构组成。',
    explanationEn: 'Anhui’s tiered framework of infectious-disease treatment facilities.',
    related: ['jikong-tixi-gaige'],
  },
  'yicun-yiming-daxuesheng-cunyi': {
    category: 'program',
    explanation: '安徽为每个村配备具有大学学历的乡村医生的计划，以加强基层医疗卫生服务。',
    explanationEn: 'Anhui plan to give every village a university-educated village doctor.',
    related: ['nongcun-dingxiang-yixuesheng'],
  },
  'rencai-anhui-xing': {
    category: 'campaign',
    explanation: '安徽面向高层次人才的引才活动，卫健领域借此引进和集聚医学人才。',
    explanationEn: 'Anhui talent-recruitment drive, used by the health sector to attract high-level medical talent.',
    related: [],
  },
  'minsheng-huying': {
    category: 'policy',
    explanation: '安徽回应群众诉求、解决急难愁盼问题的工作机制，卫健系统据此健全就医服务。',
    explanationEn:
      'Anhui mechanism for responding to public requests and solving urgent livelihood problems, applied to health care.',
    related: ['jinan-choupan'],
  },
  'liuliang-xingdong': {
    category: 'campaign',
    explanation: '安徽在公立医院基层党组织中推动开展的党建行动，以提升公立医院党建工作质效。',
    explanationEn: 'Anhui Party-building drive in the grassroots Party organisations of public hospitals.',
    related: [],
    note: 'Quoted only as “六亮”; two characters, so the entry is 六亮行动 as written in 004.',
  },
  'renmin-zhishang-ganwei-renxian': {
    category: 'slogan',
    explanation: '福建卫健系统牢记的嘱托，要求坚持人民至上、敢为人先，在放大医改成效上走在前头。',
    explanationEn:
      'Charge remembered by Fujian’s health system: people first and dare to lead, especially in health reform.',
    related: ['sanming-jingyan', 'renmin-zhishang-shengming-zhishang'],
  },
  'mashang-jiuban': {
    category: 'slogan',
    explanation: '福建弘扬的工作作风，源于习近平在福州工作时倡导的马上就办精神。',
    explanationEn: 'Fujian work ethic (“act at once, work in earnest”) going back to Xi Jinping’s time in Fuzhou.',
    related: ['sixia-jiceng'],
    note: '马上就办 alone is not an alias: it is also an everyday phrase.',
  },
  'chuang-shuanggao': {
    category: 'program',
    explanation: '福建在医疗领域开展的创双高创建工作，与临床重点专科建设一并部署推进。',
    explanationEn:
      'Fujian “double high” creation drive in medical care, deployed together with key clinical specialty building.',
    related: [],
  },
  'sixia-jiceng': {
    category: 'slogan',
    explanation: '习近平在宁德工作时倡导的领导干部下基层工作制度及福建相关作风要求。',
    explanationEn:
      'Fujian work-style tradition of leaders going down to the grassroots, begun by Xi Jinping in Ningde.',
    related: ['mashang-jiuban'],
  },
  'wupeihu-bingfang': {
    category: 'program',
    explanation: '由医院护理人员提供全程照护、家属无须陪护的病房，福建扩大试点范围。',
    explanationEn:
      'Wards where hospital staff provide all care so families need not stay as carers; Fujian is widening the pilot.',
    related: [],
    note: 'Quoted as “无陪护”; the entry is 无陪护病房 as written in 004.',
  },
  'zouzaiqian-yongzhengxian': {
    category: 'slogan',
    explanation: '习近平总书记考察江西时提出的目标要求，江西卫健系统据此推进四区四高地建设。',
    explanationEn:
      'Targets set by Xi Jinping for Jiangxi (lead, strive first, act well); Jiangxi’s health system builds on them.',
    related: ['siqu-sigaodi'],
  },
  'siqu-sigaodi': {
    category: 'program',
    explanation: '江西卫生健康建设目标：卫生健康现代化先行区等四个区和服务能力提升等四个高地。',
    explanationEn:
      'Jiangxi’s health goals: four model zones (e.g. health modernisation pilot zone) and four highlands (e.g. service capacity).',
    related: ['zouzaiqian-yongzhengxian', 'yi-shiwu-n', 'yicheng-yidu-duoyuan'],
  },
  'yi-shiwu-n': {
    category: 'program',
    explanation: '江西健康中国特色行动框架体系，用以健全将健康融入所有政策的实施机制。',
    explanationEn: 'Jiangxi’s framework of Healthy China actions, for putting health into all policies.',
    related: ['jiankang-zhongguo-xingdong', 'siqu-sigaodi'],
  },
  'yicheng-yidu-duoyuan': {
    category: 'program',
    explanation: '江西打造中医药强省的规划布局，依托国家中医药综合改革示范区建设。',
    explanationEn: 'Jiangxi’s spatial plan for traditional Chinese medicine, within its national TCM reform zone.',
    related: ['zhongyiyao-zonghe-gaige-shifanqu', 'siqu-sigaodi'],
  },
  'ganpo-mingyi': {
    category: 'program',
    explanation: '江西卫生健康人才选拔培育工程，分赣鄱名医、赣卫精英、公卫专家等类别培养高层次人才。',
    explanationEn:
      'Jiangxi programme to select and train health talent in tiers (renowned doctors, elites, public-health experts).',
    related: [],
    note: 'One entry for the three quoted tiers of one programme (004). 公卫专家 alone is not an alias (generic: any public-health expert).',
  },
  'tinengli-qiangzhiliang-youfuwu': {
    category: 'slogan',
    explanation: '山东省卫健委2024年工作主线：提升服务能力、强化医疗质量、优化就医服务。',
    explanationEn: 'Shandong’s 2024 work line: raise capacity, strengthen quality, improve services.',
    related: ['pandeng-jihua'],
  },
  'pandeng-jihua': {
    category: 'program',
    explanation: '山东实施的医疗服务能力提升计划，带动医疗质量、护理服务、专科能力等专项行动。',
    explanationEn:
      'Shandong programme to raise medical service capacity, with actions on quality, nursing and specialties.',
    related: ['tinengli-qiangzhiliang-youfuwu', 'zhufeng-jihua'],
    note: '攀登计划 is also the name of unrelated programmes (e.g. a 1990s national basic-research programme); kept as canonical per brief.',
  },
  'zhufeng-jihua': {
    category: 'program',
    explanation: '山东实施的顶尖卫生健康人才培养引进计划，用以打造医学人才高峰。',
    explanationEn: 'Shandong programme for top-level health talent.',
    related: ['pandeng-jihua'],
  },
  'jiankang-shuju-gaotie': {
    category: 'program',
    explanation: '山东建设的卫生健康数据高速共享通道，作为数字变革创新的基础设施。',
    explanationEn: 'Shandong’s high-speed health-data sharing infrastructure (“health data high-speed rail”).',
    related: ['luyi-huren', 'luyun-yingxiang'],
  },
  'wuxiang-zhidu': {
    category: 'policy',
    explanation: '改善医疗服务的五项制度，山东要求巩固健全，包括预约诊疗、多学科诊疗等。',
    explanationEn:
      'Five service systems for better care (appointments, multidisciplinary treatment, etc.), consolidated in Shandong.',
    related: ['wuzhong-moshi', 'gaishan-jiuyi-ganshou'],
    note: 'Numbered phrase that may occur in unrelated prose; kept per brief (full quoted string).',
  },
  'wuzhong-moshi': {
    category: 'policy',
    explanation: '山东推动建立的五种新型医疗服务模式，包括新型门诊服务、预住院、疼痛管理等。',
    explanationEn:
      'Five new service models in Shandong, such as new outpatient services, pre-admission and pain management.',
    related: ['wuxiang-zhidu', 'gaishan-jiuyi-ganshou'],
    note: 'Numbered phrase that may occur in unrelated prose; kept per brief (full quoted string).',
  },
  'xinshenger-chusheng-yijianshi': {
    category: 'program',
    explanation: '高效办成一件事改革中的重点事项，把新生儿出生相关的多项手续集成联办。',
    explanationEn: 'A “one thing done efficiently” reform item bundling the paperwork for a newborn into one service.',
    related: [],
  },
  'luyi-huren': {
    category: 'program',
    explanation: '山东医疗机构检查检验结果互认共享的惠民应用，减少重复检查。',
    explanationEn: 'Shandong application for mutual recognition of test and imaging results between hospitals.',
    related: ['luyun-yingxiang', 'jiankang-shuju-gaotie'],
  },
  'luyun-yingxiang': {
    category: 'program',
    explanation: '山东建设的云端医学影像共享应用，与检查检验结果互认配套推开。',
    explanationEn: 'Shandong cloud medical-imaging sharing application.',
    related: ['luyi-huren', 'jiankang-shuju-gaotie'],
  },
  'shida-zhuanxiang': {
    category: 'program',
    explanation: '河南卫健系统实施的十项专项工作，涵盖医学科技创新、人才队伍、强基层、中医药等。',
    explanationEn:
      'Henan’s ten special programmes, covering medical innovation, workforce, primary care, TCM and more.',
    related: ['sange-yibai-jihua', 'liang-zhuanke-yi-zhongxin', 'jiankang-henan', 'yinian-yigeyang'],
  },
  'sange-yibai-jihua': {
    category: 'program',
    explanation: '河南人才队伍建设专项中的人才培养计划，培养临床研究型医生、医学科学家和拔尖青年人才。',
    explanationEn: 'Henan talent plan training clinical-research doctors, clinician-scientists and top young talent.',
    related: ['shida-zhuanxiang'],
    note: 'Quoted as “三个100”; the entry is 三个100计划 as written in 004.',
  },
  'liang-zhuanke-yi-zhongxin': {
    category: 'program',
    explanation: '河南加强县级中医院建设的内容，以专科和中心建设提升县级中医院服务能力。',
    explanationEn: 'Henan scheme to strengthen county TCM hospitals through specialty and centre building.',
    related: ['shida-zhuanxiang'],
  },
  'yinian-yigeyang': {
    category: 'slogan',
    explanation: '河南为生物医药产业培育等专项提出的阶段目标，要求逐年见效、三年显著改观。',
    explanationEn: 'Henan target slogan: visible change in one year, big change in three.',
    related: ['shida-zhuanxiang'],
  },
  'jinmixing-chengshi-yiliao-jituan': {
    category: 'institution',
    explanation: '在设区城市以三级医院牵头、联合基层机构组建的紧密型医疗集团，2023年起国家开展建设试点。',
    explanationEn:
      'Close-knit urban medical groups led by a tertiary hospital with community facilities; piloted nationally since 2023.',
    related: ['jinmixing-yigongti', 'yilianti', 'fenji-zhenliao'],
    note: 'The coordinated form 紧密型城市医疗集团和县域医共体 is an alias of jinmixing-yigongti (product owner’s choice), so that phrase is not marked as this entry. 城市医疗集团 without 紧密型 is the same programme (002: 紧密型县域医共体和城市医疗集团建设).',
  },
  yilianti: {
    category: 'institution',
    explanation: '不同级别、类别医疗机构组成的协作联合体，包括城市医疗集团、县域医共体、专科联盟和远程医疗协作网。',
    explanationEn:
      'Medical consortia of hospitals and clinics of different levels, incl. urban medical groups, county communities, specialty alliances.',
    related: ['jinmixing-yigongti', 'jinmixing-chengshi-yiliao-jituan', 'fenji-zhenliao'],
    note: 'Canonical is written as in 001, 医联（共）体 (医联体 including 医共体); the umbrella form belongs here, not to the county flagship. 医联体 is the usual short name.',
  },
  'guojia-quyu-yiliao-zhongxin': {
    category: 'institution',
    explanation: '由高水平医院在患者外流较多的省份建设分中心、输出优质医疗资源的国家建设项目。',
    explanationEn:
      'National programme where top hospitals open branches in provinces that patients tend to leave for treatment.',
    related: [
      'shuang-zhongxin',
      'guojia-yixue-zhongxin',
      'shengji-quyu-yiliao-zhongxin',
      'youzhi-yiliao-ziyuan-kuorong',
    ],
    note: '区域医疗中心 alone is not an alias: it would also fire inside 省级区域医疗中心 (a provincial programme, own entry).',
  },
  'shengji-quyu-yiliao-zhongxin': {
    category: 'institution',
    explanation: '省级层面规划建设的区域医疗中心，推动优质医疗资源在省内均衡布局。',
    explanationEn: 'Provincial regional medical centres that spread high-quality care more evenly within a province.',
    related: ['guojia-quyu-yiliao-zhongxin'],
  },
  'guojia-yixue-zhongxin': {
    category: 'institution',
    explanation: '国家卫生健康委设置的在疑难危重症诊治和医学科研方面代表国家顶尖水平的医疗机构。',
    explanationEn:
      'Hospitals designated by the National Health Commission as the national top tier for complex care and research.',
    related: ['shuang-zhongxin', 'guojia-quyu-yiliao-zhongxin'],
  },
  'fenji-zhenliao': {
    category: 'reform',
    explanation: '以基层首诊、双向转诊、急慢分治、上下联动为内容的就医秩序改革，医改的基本制度之一。',
    explanationEn:
      'Tiered care: first contact at primary level, two-way referral, acute/chronic split and coordination across levels.',
    related: [
      'jinmixing-yigongti',
      'jinmixing-chengshi-yiliao-jituan',
      'yilianti',
      'jiating-yisheng-qianyue',
      'qianxian-gongcheng',
      'shenhua-yiyao-weisheng-tizhi-gaige',
    ],
  },
  'yifang-ronghe': {
    category: 'reform',
    explanation: '推动医疗服务与疾病预防、公共卫生服务融合提供，实现防治结合的改革方向。',
    explanationEn: 'Integrating clinical care with disease prevention and public health services.',
    related: ['yifang-xietong', 'jinmixing-yigongti', 'jiating-yisheng-qianyue'],
  },
  'yifang-xietong': {
    category: 'reform',
    explanation: '医疗机构与疾控等公共卫生机构在人员、信息、资源上协同配合的工作机制。',
    explanationEn:
      'Coordination between medical institutions and disease-control bodies in staff, information and resources.',
    related: ['yifang-ronghe', 'jikong-tixi-gaige', 'jinmixing-yigongti', 'liangshi-liangzhongxin'],
  },
  'jiating-yisheng-qianyue': {
    category: 'policy',
    explanation: '居民与基层家庭医生团队签约，获得基本医疗、公共卫生和健康管理服务的制度安排。',
    explanationEn:
      'Residents sign up with a primary-care family doctor team for basic care, public health and health management.',
    related: ['fenji-zhenliao', 'yifang-ronghe'],
  },
  'gongli-yiyuan-gaozhiliang-fazhan': {
    category: 'reform',
    explanation: '国务院办公厅2021年部署的公立医院改革方向，推动发展方式、运行模式和资源配置转变。',
    explanationEn:
      'Public hospital reform direction set by the State Council in 2021: change in growth model, management and resource allocation.',
    related: [
      'sange-zhuanbian',
      'sange-tigao',
      'gongli-yiyuan-zonghe-gaige',
      'gongyixing-gongli-yiyuan-gaige',
      'gongli-yiyuan-jixiao-kaohe',
      'sanxiang-renwu',
    ],
  },
  'gongli-yiyuan-zonghe-gaige': {
    category: 'reform',
    explanation: '围绕破除以药补医、完善补偿、薪酬和治理机制推进的公立医院系统性改革。',
    explanationEn:
      'System-wide reform of public hospitals: ending drug-sales financing, reforming funding, pay and governance.',
    related: [
      'gongyixing-gongli-yiyuan-gaige',
      'gongli-yiyuan-gaozhiliang-fazhan',
      'shenhua-yiyao-weisheng-tizhi-gaige',
    ],
  },
  'gongyixing-gongli-yiyuan-gaige': {
    category: 'reform',
    explanation: '党的二十届三中全会提出的改革任务，强调公立医院改革坚持公益性导向。',
    explanationEn:
      'Task set by the Third Plenum of the 20th Central Committee (2024): public hospital reform oriented to public welfare.',
    related: ['gongli-yiyuan-zonghe-gaige', 'gongli-yiyuan-gaozhiliang-fazhan'],
  },
  'gongli-yiyuan-jixiao-kaohe': {
    category: 'policy',
    explanation: '对公立医院医疗质量、运营效率、持续发展等进行的全国统一绩效考核制度。',
    explanationEn: 'Nationwide performance assessment of public hospitals on quality, efficiency and sustainability.',
    related: ['gongli-yiyuan-gaozhiliang-fazhan'],
  },
  'shenhua-yiyao-weisheng-tizhi-gaige': {
    category: 'reform',
    explanation: '2009年启动的新一轮医药卫生体制改革，简称深化医改，是各项医改任务的总称。',
    explanationEn:
      'China’s health-system reform launched in 2009 (“deepening health reform”), umbrella of all reform lines.',
    related: ['sanyi-xietong', 'fenji-zhenliao', 'gongli-yiyuan-zonghe-gaige'],
    note: '医改 alone is deliberately not an alias (too frequent).',
  },
  'jiankang-zhongguo': {
    category: 'reform',
    explanation: '党中央提出的健康中国战略及其建设，目标是2035年建成健康中国。',
    explanationEn: 'The Healthy China strategy and its implementation, aiming at a “Healthy China” by 2035.',
    related: [
      'jiankang-zhongguo-xingdong',
      'aiguo-weisheng-yundong',
      'da-weisheng-da-jiankang',
      'sanming-yangban',
      'jiankang-fujian',
      'jiankang-jiangsu',
    ],
    note: '健康中国 alone is not an alias: it is also the name of many accounts and sites, and occurs in many phrases.',
  },
  'jiankang-zhongguo-xingdong': {
    category: 'program',
    explanation: '国务院2019年部署的健康中国行动（2019—2030年），开展多项针对健康影响因素和重点疾病的专项行动。',
    explanationEn:
      'State Council Healthy China Action (2019–2030): special actions on health determinants and major diseases.',
    related: ['jiankang-zhongguo', 'aiguo-weisheng-yundong', 'yi-shiwu-n', 'jiankang-shandong', 'jiankang-henan'],
  },
  'aiguo-weisheng-yundong': {
    category: 'campaign',
    explanation: '1950年代发起的群众性卫生运动，延续至今，开展环境整治、卫生城镇创建和健康促进。',
    explanationEn: 'Mass health campaign since the 1950s: environmental clean-up, healthy cities and health promotion.',
    related: ['guojia-weisheng-chengshi', 'jiankang-zhongguo-xingdong', 'jiankang-zhongguo'],
  },
  'guojia-weisheng-chengshi': {
    category: 'program',
    explanation: '爱国卫生运动中对达到国家卫生标准的城市、县城和乡镇授予的称号，定期评估复审。',
    explanationEn:
      'Title for cities and towns meeting national sanitation standards under the Patriotic Health Campaign.',
    related: ['aiguo-weisheng-yundong'],
  },
  'yiyang-jiehe': {
    category: 'policy',
    explanation: '把医疗卫生服务与养老服务结合起来，为老年人提供连续健康照护的政策方向。',
    explanationEn: 'Combining medical care with elderly care services for continuous care of older people.',
    related: ['yilao-yixiao', 'yiyu-jiehe'],
  },
  'jikong-tixi-gaige': {
    category: 'reform',
    explanation: '新冠疫情后推进的疾病预防控制体系改革，组建各级疾控局、系统重塑疾控机构职能。',
    explanationEn:
      'Post-COVID reform of the disease-control system: new disease-control administrations and reshaped CDC functions.',
    related: ['yifang-xietong', 'wuda-tixi', 'yi-yi-wu-n'],
  },
  'yiyao-fubai-jizhong-zhengzhi': {
    category: 'campaign',
    explanation: '2023年起国家多部门联合开展的全国医药领域腐败问题集中整治工作。',
    explanationEn:
      'Nationwide multi-agency crackdown on corruption in the medical and pharmaceutical sector, from 2023.',
    related: ['dianti-zhengzhi'],
  },
  'zhongyiyao-zhenxing-gongcheng': {
    category: 'program',
    explanation: '国务院办公厅部署实施的中医药振兴发展重大工程，推进中医药服务、人才、传承创新等建设。',
    explanationEn:
      'State Council major project to revitalise traditional Chinese medicine: services, talent, heritage and innovation.',
    related: ['zhongyiyao-zonghe-gaige-shifanqu', 'zhongyiyao-chuancheng-shiyanqu'],
  },
  'zhongyiyao-zonghe-gaige-shifanqu': {
    category: 'program',
    explanation: '国家中医药管理局等批准部分省市建设的中医药综合改革示范区，探索中医药发展体制机制。',
    explanationEn:
      'National TCM comprehensive reform demonstration zones (e.g. Shanghai, Jiangxi, Shandong) testing TCM policies.',
    related: ['zhongyiyao-zhenxing-gongcheng', 'yicheng-yidu-duoyuan', 'zhongyiyao-chuancheng-shiyanqu'],
  },
  'zhongyiyao-chuancheng-shiyanqu': {
    category: 'program',
    explanation: '国家批准建设的中医药传承创新发展试验区，三明市正在推进建设并推动中医药融入医改。',
    explanationEn:
      'National pilot zones for TCM heritage and innovation; Sanming is building one and bringing TCM into its reform.',
    related: ['zhongyiyao-zonghe-gaige-shifanqu', 'zhongyiyao-zhenxing-gongcheng'],
  },
  'youzhi-yiliao-ziyuan-kuorong': {
    category: 'policy',
    explanation: '推动优质医疗资源扩大供给、向基层下沉并在区域间均衡分布的政策任务。',
    explanationEn:
      'Policy to expand high-quality medical resources, move them down to lower levels and spread them evenly across regions.',
    related: ['guojia-quyu-yiliao-zhongxin', 'jinmixing-yigongti'],
  },
  'puhui-tuoyu': {
    category: 'policy',
    explanation: '价格可负担、质量有保障的托育服务供给体系，由政府支持推动发展。',
    explanationEn: 'Affordable, quality-assured childcare for under-threes, developed with government support.',
    related: ['shengyu-zhichi-zhengce', 'yiyu-jiehe', 'yilao-yixiao'],
  },
  'shengyu-zhichi-zhengce': {
    category: 'policy',
    explanation: '减轻家庭生育、养育、教育负担的一系列支持政策，旨在促进人口长期均衡发展。',
    explanationEn:
      'Policies easing the costs of having and raising children, for long-term balanced population development.',
    related: ['puhui-tuoyu', 'shengyu-youhao-shehui', 'wuda-tixi'],
  },
  'shengyu-youhao-shehui': {
    category: 'slogan',
    explanation: '以降低生育、养育、教育成本为重点，建设支持家庭生育的社会环境的目标。',
    explanationEn: 'Goal of a birth-friendly society that lowers the costs of childbirth, child rearing and education.',
    related: ['shengyu-zhichi-zhengce'],
  },
  'nongcun-dingxiang-yixuesheng': {
    category: 'program',
    explanation: '面向基层免费培养医学生、毕业后到乡镇卫生院等服务的定向培养项目。',
    explanationEn: 'Tuition-free medical training for students who commit to serve in rural township health centres.',
    related: ['yicun-yiming-daxuesheng-cunyi', 'yijiao-xietong'],
  },
  'gaishan-jiuyi-ganshou': {
    category: 'campaign',
    explanation: '国家卫生健康委等部署的改善就医感受、提升患者体验主题活动，推广便民服务模式。',
    explanationEn: 'National campaign to improve patients’ experience of care, promoting convenient service models.',
    related: ['wuxiang-zhidu', 'wuzhong-moshi'],
  },
  'yijiao-xietong': {
    category: 'reform',
    explanation: '卫生健康部门与教育部门协同推进医学教育改革、培养医学人才的机制。',
    explanationEn: 'Coordination of health and education authorities in reforming medical education.',
    related: ['nongcun-dingxiang-yixuesheng'],
  },
  'jiankang-fujian': {
    category: 'program',
    explanation: '福建落实健康中国战略的省级建设，与深化医改互促互动。',
    explanationEn: 'Fujian’s provincial implementation of Healthy China, advanced together with health reform.',
    related: ['jiankang-zhongguo'],
    note: '健康福建 alone is not an alias: it is also the name of the provincial WeChat account (003).',
  },
  'jiankang-jiangsu': {
    category: 'program',
    explanation: '江苏落实健康中国战略的省级建设，实施健康江苏建设专项行动。',
    explanationEn: 'Jiangsu’s provincial implementation of Healthy China, with special actions.',
    related: ['jiankang-zhongguo'],
  },
  'jiankang-shandong': {
    category: 'program',
    explanation: '山东落实健康中国行动的省级行动，2024年部署实施2024—2027年行动。',
    explanationEn: 'Shandong’s provincial Healthy China Action, set in 2024 for 2024–2027.',
    related: ['jiankang-zhongguo-xingdong'],
  },
  'jiankang-henan': {
    category: 'program',
    explanation: '河南十大专项之一，推进多项健康专项行动并实现国家卫生城市全覆盖等目标。',
    explanationEn:
      'One of Henan’s ten special programmes: a set of health actions, incl. national hygienic-city coverage.',
    related: ['jiankang-zhongguo-xingdong', 'shida-zhuanxiang'],
  },
};
