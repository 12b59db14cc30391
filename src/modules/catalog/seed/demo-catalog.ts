/**
 * The demo exporter: Lumentra Lighting, an LED luminaire factory in Zhongshan. Category and
 * attribute texts are in all eight storefront languages; product texts in English, Simplified
 * Chinese, Spanish and Arabic (French, German, Russian and Portuguese are left for the
 * translation workflow, so the coverage view has something to show).
 */
type L8 = { en: string; 'zh-CN': string; es: string; fr: string; de: string; ru: string; pt: string; ar: string };

export const ATTRIBUTES: { code: string; kind: 'number' | 'single' | 'multi' | 'text'; unit?: string; labels: L8; options?: { code: string; labels: Partial<L8> & { en: string } }[] }[] = [
  { code: 'power', kind: 'number', unit: 'W', labels: { en: 'Power', 'zh-CN': '功率', es: 'Potencia', fr: 'Puissance', de: 'Leistung', ru: 'Мощность', pt: 'Potência', ar: 'القدرة' } },
  { code: 'lumens', kind: 'number', unit: 'lm', labels: { en: 'Luminous flux', 'zh-CN': '光通量', es: 'Flujo luminoso', fr: 'Flux lumineux', de: 'Lichtstrom', ru: 'Световой поток', pt: 'Fluxo luminoso', ar: 'التدفق الضوئي' } },
  {
    code: 'cct', kind: 'single', labels: { en: 'Colour temperature', 'zh-CN': '色温', es: 'Temperatura de color', fr: 'Température de couleur', de: 'Farbtemperatur', ru: 'Цветовая температура', pt: 'Temperatura de cor', ar: 'درجة حرارة اللون' },
    options: [
      { code: '3000k', labels: { en: '3000 K warm white', 'zh-CN': '3000 K 暖白', es: '3000 K blanco cálido', fr: '3000 K blanc chaud', de: '3000 K warmweiß', ru: '3000 K тёплый белый', pt: '3000 K branco quente', ar: '3000 كلفن أبيض دافئ' } },
      { code: '4000k', labels: { en: '4000 K neutral white', 'zh-CN': '4000 K 中性白', es: '4000 K blanco neutro', fr: '4000 K blanc neutre', de: '4000 K neutralweiß', ru: '4000 K нейтральный белый', pt: '4000 K branco neutro', ar: '4000 كلفن أبيض محايد' } },
      { code: '5000k', labels: { en: '5000 K cool white', 'zh-CN': '5000 K 冷白', es: '5000 K blanco frío', fr: '5000 K blanc froid', de: '5000 K kaltweiß', ru: '5000 K холодный белый', pt: '5000 K branco frio', ar: '5000 كلفن أبيض بارد' } },
      { code: '5700k', labels: { en: '5700 K daylight', 'zh-CN': '5700 K 日光白', es: '5700 K luz día', fr: '5700 K lumière du jour', de: '5700 K tageslichtweiß', ru: '5700 K дневной свет', pt: '5700 K luz do dia', ar: '5700 كلفن ضوء النهار' } },
    ],
  },
  {
    code: 'ip', kind: 'single', labels: { en: 'IP rating', 'zh-CN': '防护等级', es: 'Grado de protección IP', fr: 'Indice de protection IP', de: 'Schutzart', ru: 'Степень защиты IP', pt: 'Grau de proteção IP', ar: 'درجة الحماية IP' },
    options: ['ip20', 'ip44', 'ip65', 'ip66'].map((c) => ({ code: c, labels: { en: c.toUpperCase() } })),
  },
  {
    code: 'cri', kind: 'single', labels: { en: 'Colour rendering', 'zh-CN': '显色指数', es: 'Reproducción cromática', fr: 'Rendu des couleurs', de: 'Farbwiedergabe', ru: 'Цветопередача', pt: 'Reprodução de cor', ar: 'مؤشر تجسيد الألوان' },
    options: [{ code: 'ra80', labels: { en: 'Ra > 80' } }, { code: 'ra90', labels: { en: 'Ra > 90' } }],
  },
  { code: 'beam', kind: 'number', unit: '°', labels: { en: 'Beam angle', 'zh-CN': '光束角', es: 'Ángulo de haz', fr: 'Angle de faisceau', de: 'Abstrahlwinkel', ru: 'Угол луча', pt: 'Ângulo de feixe', ar: 'زاوية الحزمة' } },
  {
    code: 'dimming', kind: 'multi', labels: { en: 'Dimming', 'zh-CN': '调光方式', es: 'Regulación', fr: 'Gradation', de: 'Dimmung', ru: 'Диммирование', pt: 'Dimerização', ar: 'التعتيم' },
    options: [
      { code: 'none', labels: { en: 'Non-dimmable', 'zh-CN': '不可调光', es: 'No regulable', fr: 'Non graduable', de: 'Nicht dimmbar', ru: 'Без диммирования', pt: 'Não dimerizável', ar: 'غير قابل للتعتيم' } },
      { code: '0-10v', labels: { en: '0–10 V' } },
      { code: 'dali', labels: { en: 'DALI-2' } },
      { code: 'triac', labels: { en: 'TRIAC (phase-cut)', 'zh-CN': '可控硅（切相）', es: 'TRIAC (corte de fase)', fr: 'TRIAC (coupure de phase)', de: 'TRIAC (Phasenabschnitt)', ru: 'TRIAC (фазовая отсечка)', pt: 'TRIAC (corte de fase)', ar: 'TRIAC (قطع الطور)' } },
    ],
  },
  {
    code: 'housing', kind: 'single', labels: { en: 'Housing', 'zh-CN': '灯体材质', es: 'Carcasa', fr: 'Boîtier', de: 'Gehäuse', ru: 'Корпус', pt: 'Carcaça', ar: 'الهيكل' },
    options: [
      { code: 'aluminium', labels: { en: 'Extruded aluminium', 'zh-CN': '铝型材', es: 'Aluminio extruido', fr: 'Aluminium extrudé', de: 'Strangpressaluminium', ru: 'Экструдированный алюминий', pt: 'Alumínio extrudado', ar: 'ألومنيوم مبثوق' } },
      { code: 'diecast', labels: { en: 'Die-cast aluminium', 'zh-CN': '压铸铝', es: 'Aluminio inyectado', fr: 'Aluminium moulé sous pression', de: 'Aluminium-Druckguss', ru: 'Литой алюминий', pt: 'Alumínio injetado', ar: 'ألومنيوم مصبوب' } },
      { code: 'pc', labels: { en: 'Polycarbonate', 'zh-CN': '聚碳酸酯（PC）', es: 'Policarbonato', fr: 'Polycarbonate', de: 'Polycarbonat', ru: 'Поликарбонат', pt: 'Policarbonato', ar: 'بولي كربونات' } },
    ],
  },
];

export const CATEGORIES: { key: string; parent?: string; featured?: boolean; names: L8; descriptions: Partial<L8> & { en: string } }[] = [
  { key: 'indoor', names: { en: 'Indoor lighting', 'zh-CN': '室内照明', es: 'Iluminación interior', fr: 'Éclairage intérieur', de: 'Innenbeleuchtung', ru: 'Внутреннее освещение', pt: 'Iluminação interna', ar: 'الإضاءة الداخلية' },
    descriptions: { en: 'Panels, downlights, tubes and track lights for offices, schools, shops and hospitals.', 'zh-CN': '适用于办公室、学校、商店和医院的面板灯、筒灯、灯管及轨道灯。', es: 'Paneles, downlights, tubos y focos de carril para oficinas, colegios, comercios y hospitales.', ar: 'ألواح وإضاءة سقفية غائرة وأنابيب وكشافات مسار للمكاتب والمدارس والمتاجر والمستشفيات.' } },
  { key: 'industrial', featured: true, names: { en: 'Industrial lighting', 'zh-CN': '工业照明', es: 'Iluminación industrial', fr: 'Éclairage industriel', de: 'Industriebeleuchtung', ru: 'Промышленное освещение', pt: 'Iluminação industrial', ar: 'الإضاءة الصناعية' },
    descriptions: { en: 'High bay luminaires for warehouses, factories and sports halls, up to 50,000 lm.', 'zh-CN': '适用于仓库、厂房和体育馆的工矿灯，光通量最高可达 50,000 lm。', es: 'Campanas para almacenes, fábricas y pabellones deportivos, hasta 50 000 lm.', ar: 'كشافات للأسقف العالية للمستودعات والمصانع والصالات الرياضية، حتى 50,000 لومن.' } },
  { key: 'outdoor', names: { en: 'Outdoor lighting', 'zh-CN': '户外照明', es: 'Iluminación exterior', fr: 'Éclairage extérieur', de: 'Außenbeleuchtung', ru: 'Наружное освещение', pt: 'Iluminação externa', ar: 'الإضاءة الخارجية' },
    descriptions: { en: 'Floodlights and street lights rated IP65 and IP66, with surge protection up to 10 kV.', 'zh-CN': 'IP65、IP66 防护等级的投光灯和路灯，防雷击保护最高 10 kV。', es: 'Proyectores y farolas IP65 e IP66 con protección contra sobretensiones de hasta 10 kV.', ar: 'كشافات غامرة وأعمدة إنارة بدرجة حماية IP65 وIP66، مع حماية من التيار الزائد حتى 10 كيلوفولت.' } },
  { key: 'panels', parent: 'indoor', featured: true, names: { en: 'LED panel lights', 'zh-CN': 'LED 面板灯', es: 'Paneles LED', fr: 'Dalles LED', de: 'LED-Panels', ru: 'Светодиодные панели', pt: 'Painéis de LED', ar: 'ألواح إضاءة LED' },
    descriptions: { en: 'Flicker-free edge-lit and backlit panels for suspended ceilings, UGR < 19 versions for offices.', 'zh-CN': '无频闪侧发光及直发光面板灯，适用于吊顶，办公室专用 UGR < 19 型号。', es: 'Paneles sin parpadeo, de iluminación lateral y retroiluminados, para falso techo; versiones UGR < 19 para oficinas.', ar: 'ألواح خالية من الوميض بإضاءة جانبية أو خلفية للأسقف المعلقة، مع طرازات UGR < 19 للمكاتب.' } },
  { key: 'downlights', parent: 'indoor', names: { en: 'LED downlights', 'zh-CN': 'LED 筒灯', es: 'Downlights LED', fr: 'Downlights LED', de: 'LED-Downlights', ru: 'Светодиодные даунлайты', pt: 'Downlights de LED', ar: 'إضاءة سقفية غائرة LED' },
    descriptions: { en: 'Recessed downlights from 6 W to 40 W, fire-rated and IP44 versions for bathrooms.', 'zh-CN': '6 W 至 40 W 嵌入式筒灯，提供防火型及适用于浴室的 IP44 型号。', es: 'Downlights empotrables de 6 W a 40 W, versiones ignífugas e IP44 para baños.', ar: 'إضاءة غائرة من 6 إلى 40 واط، مع طرازات مقاومة للحريق وأخرى IP44 للحمامات.' } },
  { key: 'tubes', parent: 'indoor', names: { en: 'LED tubes and battens', 'zh-CN': 'LED 灯管及支架灯', es: 'Tubos y regletas LED', fr: 'Tubes et réglettes LED', de: 'LED-Röhren und Lichtleisten', ru: 'Светодиодные трубки и линейные светильники', pt: 'Tubos e calhas de LED', ar: 'أنابيب وقضبان إضاءة LED' },
    descriptions: { en: 'T8 tubes and integrated battens replacing fluorescent lamps one for one.', 'zh-CN': 'T8 灯管及一体化支架灯，可直接替换荧光灯。', es: 'Tubos T8 y regletas integradas que sustituyen a los fluorescentes uno por uno.', ar: 'أنابيب T8 وقضبان متكاملة تحل محل مصابيح الفلورسنت مباشرة.' } },
  { key: 'track', parent: 'indoor', names: { en: 'LED track lights', 'zh-CN': 'LED 轨道灯', es: 'Focos de carril LED', fr: 'Spots sur rail LED', de: 'LED-Stromschienenstrahler', ru: 'Трековые светильники', pt: 'Spots de trilho de LED', ar: 'كشافات LED على مسار' },
    descriptions: { en: 'Three-circuit track spotlights with Ra > 90 for retail and galleries.', 'zh-CN': '适用于零售店和画廊的三线轨道射灯，显色指数 Ra > 90。', es: 'Focos para carril trifásico con Ra > 90 para tiendas y galerías.', ar: 'كشافات لمسارات ثلاثية الدوائر بمؤشر تجسيد ألوان Ra > 90 للمتاجر وصالات العرض.' } },
  { key: 'highbay', parent: 'industrial', featured: true, names: { en: 'LED high bay lights', 'zh-CN': 'LED 工矿灯', es: 'Campanas LED industriales', fr: 'Cloches LED industrielles', de: 'LED-Hallenstrahler', ru: 'Светодиодные светильники для высоких пролётов', pt: 'Luminárias LED high bay', ar: 'كشافات LED للأسقف العالية' },
    descriptions: { en: 'UFO and linear high bays, 100 to 300 W, 160 lm/W, with 60°, 90° and 120° optics.', 'zh-CN': 'UFO 及线性工矿灯，100 至 300 W，光效 160 lm/W，可选 60°、90°、120° 透镜。', es: 'Campanas UFO y lineales de 100 a 300 W, 160 lm/W, con ópticas de 60°, 90° y 120°.', ar: 'كشافات UFO وخطية من 100 إلى 300 واط، بكفاءة 160 لومن/واط، مع عدسات 60° و90° و120°.' } },
  { key: 'flood', parent: 'outdoor', featured: true, names: { en: 'LED floodlights', 'zh-CN': 'LED 投光灯', es: 'Proyectores LED', fr: 'Projecteurs LED', de: 'LED-Fluter', ru: 'Светодиодные прожекторы', pt: 'Refletores de LED', ar: 'كشافات LED غامرة' },
    descriptions: { en: 'Die-cast floodlights for façades, car parks and sports grounds, 50 to 400 W.', 'zh-CN': '压铸铝投光灯，适用于建筑外立面、停车场和运动场，50 至 400 W。', es: 'Proyectores de aluminio inyectado para fachadas, aparcamientos y campos deportivos, de 50 a 400 W.', ar: 'كشافات غامرة من الألومنيوم المصبوب للواجهات ومواقف السيارات والملاعب، من 50 إلى 400 واط.' } },
  { key: 'street', parent: 'outdoor', names: { en: 'LED street lights', 'zh-CN': 'LED 路灯', es: 'Farolas LED', fr: 'Luminaires d’éclairage public LED', de: 'LED-Straßenleuchten', ru: 'Светодиодные уличные светильники', pt: 'Luminárias públicas de LED', ar: 'أعمدة إنارة الشوارع LED' },
    descriptions: { en: 'Street lights with Type II and III optics, NEMA photocell socket and 10 kV surge protection.', 'zh-CN': '配备 II 型和 III 型配光、NEMA 光控插座及 10 kV 防雷保护的路灯。', es: 'Farolas con ópticas tipo II y III, base NEMA para fotocélula y protección de 10 kV.', ar: 'أعمدة إنارة بعدسات من النوع II وIII ومقبس خلية ضوئية NEMA وحماية 10 كيلوفولت.' } },
];
