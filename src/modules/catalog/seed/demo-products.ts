/**
 * Product series of the demo catalogue. Each series gives models (one product each) whose
 * variants differ by colour temperature; names, summaries, descriptions and spec labels are
 * written per language.
 */
type Lang = 'en' | 'zh-CN' | 'es' | 'ar';
export const PRODUCT_LANGS: Lang[] = ['en', 'zh-CN', 'es', 'ar'];

export interface Model {
  code: string;
  power: number;
  size?: string;
  beam: number;
  price: number; // US cents per piece
}

export interface Series {
  category: string;
  prefix: string;
  shape: 'panel' | 'ring' | 'bar' | 'head';
  hue: number;
  hs: string;
  efficacy: number;
  ip: string;
  cri: string;
  housing: string;
  dimming: string[];
  ccts: string[];
  moq: number;
  multiple: number;
  lead: number;
  weightG: (m: Model) => number;
  dims: (m: Model) => [number, number, number];
  names: Record<Lang, (m: Model) => string>;
  summary: Record<Lang, (m: Model, lm: number) => string>;
  body: Record<Lang, string>;
  models: Model[];
}

const W = (m: Model) => `${m.power} W`;
const Wa = (m: Model) => `${m.power} واط`;

export const SERIES: Series[] = [
  {
    category: 'panels', prefix: 'LM-PL', shape: 'panel', hue: 200, hs: '940542', efficacy: 120, ip: 'ip20', cri: 'ra80', housing: 'aluminium', dimming: ['none', 'dali'], ccts: ['3000k', '4000k', '5700k'],
    moq: 100, multiple: 2, lead: 20, weightG: (m) => 2400 + m.power * 20, dims: (m) => (m.size === '300×1200' ? [1195, 295, 10] : m.size === '600×1200' ? [1195, 595, 10] : [595, 595, 10]),
    names: {
      en: (m) => `Slim edge-lit LED panel ${m.size}, ${W(m)}`,
      'zh-CN': (m) => `超薄侧发光 LED 面板灯 ${m.size}，${W(m)}`,
      es: (m) => `Panel LED extraplano de iluminación lateral ${m.size}, ${W(m)}`,
      ar: (m) => `لوح LED رفيع بإضاءة جانبية ${m.size}، ${Wa(m)}`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm from ${m.power} W, flicker-free driver, UGR < 19 diffuser. Fits standard T-bar ceilings.`,
      'zh-CN': (m, lm) => `${m.power} W 输出 ${lm} lm，无频闪驱动，UGR < 19 扩散板，适配标准 T 型龙骨吊顶。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm con ${m.power} W, driver sin parpadeo y difusor UGR < 19. Para falsos techos de perfilería vista.`,
      ar: (m, lm) => `${lm} لومن بقدرة ${m.power} واط، مشغّل خالٍ من الوميض وناشر UGR < 19، يناسب الأسقف المعلقة القياسية.`,
    },
    body: {
      en: '<p>Our slim panels use a light guide plate of virgin PMMA and Samsung LM281B LEDs, so the light stays even and the colour stable over 50,000 hours.</p><ul><li>Isolated constant-current driver, flicker &lt; 3 %</li><li>Frame in powder-coated aluminium, white RAL 9016</li><li>Surface, suspension and recessed mounting kits available</li></ul>',
      'zh-CN': '<p>超薄面板灯采用全新 PMMA 导光板及三星 LM281B 灯珠，出光均匀，50,000 小时内色温稳定。</p><ul><li>隔离恒流驱动，频闪 &lt; 3%</li><li>铝合金边框，RAL 9016 白色喷涂</li><li>可选明装、吊装及嵌入式安装配件</li></ul>',
      es: '<p>Nuestros paneles extraplanos utilizan placa guía de luz de PMMA virgen y LED Samsung LM281B, para una luz uniforme y un color estable durante 50 000 horas.</p><ul><li>Driver aislado de corriente constante, parpadeo &lt; 3 %</li><li>Marco de aluminio lacado en blanco RAL 9016</li><li>Kits de montaje en superficie, suspendido y empotrado</li></ul>',
      ar: '<p>تستخدم ألواحنا الرفيعة لوح توجيه ضوئي من مادة PMMA الخام وثنائيات Samsung LM281B، فيبقى الضوء متجانسًا واللون ثابتًا طوال 50,000 ساعة.</p><ul><li>مشغّل معزول بتيار ثابت، وميض أقل من 3٪</li><li>إطار من الألومنيوم المطلي باللون الأبيض RAL 9016</li><li>تتوفر أطقم للتركيب السطحي والمعلّق والغائر</li></ul>',
    },
    models: [
      { code: '6060-36', size: '600×600', power: 36, beam: 120, price: 1450 },
      { code: '6060-40', size: '600×600', power: 40, beam: 120, price: 1590 },
      { code: '6060-48', size: '600×600', power: 48, beam: 120, price: 1790 },
      { code: '30120-36', size: '300×1200', power: 36, beam: 120, price: 1690 },
      { code: '30120-40', size: '300×1200', power: 40, beam: 120, price: 1820 },
      { code: '60120-60', size: '600×1200', power: 60, beam: 120, price: 2890 },
      { code: '60120-72', size: '600×1200', power: 72, beam: 120, price: 3190 },
      { code: '6262-40', size: '620×620', power: 40, beam: 120, price: 1650 },
      { code: '6262-48', size: '620×620', power: 48, beam: 120, price: 1850 },
    ],
  },
  {
    category: 'downlights', prefix: 'LM-DL', shape: 'ring', hue: 30, hs: '940542', efficacy: 100, ip: 'ip44', cri: 'ra90', housing: 'diecast', dimming: ['none', 'triac'], ccts: ['3000k', '4000k'],
    moq: 200, multiple: 10, lead: 25, weightG: (m) => 300 + m.power * 25, dims: (m) => [90 + m.power * 4, 90 + m.power * 4, 60],
    names: {
      en: (m) => `Recessed LED downlight ${m.size}, ${W(m)}, IP44`,
      'zh-CN': (m) => `嵌入式 LED 筒灯 ${m.size}，${W(m)}，IP44`,
      es: (m) => `Downlight LED empotrable ${m.size}, ${W(m)}, IP44`,
      ar: (m) => `إضاءة LED سقفية غائرة ${m.size}، ${Wa(m)}، IP44`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm, Ra > 90, cut-out ${m.size}. Splash-proof for bathrooms and kitchens.`,
      'zh-CN': (m, lm) => `${lm} lm，显色指数 Ra > 90，开孔尺寸 ${m.size}，防溅水，适用于浴室和厨房。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm, Ra > 90, corte ${m.size}. Protegido contra salpicaduras para baños y cocinas.`,
      ar: (m, lm) => `${lm} لومن، Ra > 90، فتحة تركيب ${m.size}. مقاومة للرذاذ للحمامات والمطابخ.`,
    },
    body: {
      en: '<p>Die-cast aluminium body with deep anti-glare reflector. The TRIAC version dims smoothly to 5 % on leading- and trailing-edge dimmers.</p><ul><li>Spring clips for 1–25 mm ceilings</li><li>Quick connector, no tools needed</li><li>5-year warranty</li></ul>',
      'zh-CN': '<p>压铸铝灯体，深杯防眩光反光罩。可控硅调光版本可在前沿及后沿调光器上平滑调光至 5%。</p><ul><li>弹簧卡扣适用于 1–25 mm 厚度吊顶</li><li>快速接线端子，免工具安装</li><li>5 年质保</li></ul>',
      es: '<p>Cuerpo de aluminio inyectado con reflector profundo antideslumbramiento. La versión TRIAC regula de forma suave hasta el 5 % con reguladores de corte al inicio y al final de fase.</p><ul><li>Muelles para techos de 1 a 25 mm</li><li>Conector rápido, sin herramientas</li><li>Garantía de 5 años</li></ul>',
      ar: '<p>هيكل من الألومنيوم المصبوب مع عاكس عميق مانع للوهج. تُعتِّم نسخة TRIAC بسلاسة حتى 5٪ مع مخفتات القطع الأمامي والخلفي.</p><ul><li>مشابك نابضية للأسقف بسماكة 1–25 مم</li><li>موصل سريع دون الحاجة إلى أدوات</li><li>ضمان لمدة 5 سنوات</li></ul>',
    },
    models: [
      { code: '075-7', size: 'Ø75 mm', power: 7, beam: 60, price: 390 },
      { code: '090-9', size: 'Ø90 mm', power: 9, beam: 60, price: 450 },
      { code: '110-12', size: 'Ø110 mm', power: 12, beam: 60, price: 520 },
      { code: '150-18', size: 'Ø150 mm', power: 18, beam: 90, price: 690 },
      { code: '175-24', size: 'Ø175 mm', power: 24, beam: 90, price: 860 },
      { code: '200-30', size: 'Ø200 mm', power: 30, beam: 90, price: 1080 },
      { code: '225-40', size: 'Ø225 mm', power: 40, beam: 90, price: 1390 },
      { code: '090-9W', size: 'Ø90 mm', power: 9, beam: 36, price: 490 },
      { code: '110-12W', size: 'Ø110 mm', power: 12, beam: 36, price: 560 },
    ],
  },
  {
    category: 'tubes', prefix: 'LM-T8', shape: 'bar', hue: 160, hs: '853952', efficacy: 130, ip: 'ip20', cri: 'ra80', housing: 'pc', dimming: ['none'], ccts: ['4000k', '5700k'],
    moq: 500, multiple: 25, lead: 15, weightG: (m) => 150 + m.power * 8, dims: (m) => [m.power >= 18 ? 1200 : 600, 28, 28],
    names: {
      en: (m) => `T8 LED tube ${m.size}, ${W(m)}, single-end supply`,
      'zh-CN': (m) => `T8 LED 灯管 ${m.size}，${W(m)}，单端供电`,
      es: (m) => `Tubo LED T8 ${m.size}, ${W(m)}, alimentación por un extremo`,
      ar: (m) => `أنبوب LED من نوع T8 ${m.size}، ${Wa(m)}، تغذية من طرف واحد`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm, 130 lm/W, G13 caps. Replaces fluorescent T8 lamps after removing the starter.`,
      'zh-CN': (m, lm) => `${lm} lm，光效 130 lm/W，G13 灯头。拆除启辉器后即可替换 T8 荧光灯管。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm, 130 lm/W, casquillos G13. Sustituye al fluorescente T8 retirando el cebador.`,
      ar: (m, lm) => `${lm} لومن، 130 لومن/واط، قواعد G13. يحل محل مصابيح الفلورسنت T8 بعد إزالة البادئ.`,
    },
    body: {
      en: '<p>Aluminium-PC tube with a frosted cover and a built-in isolated driver. Safe single-end wiring prevents shocks during installation.</p><ul><li>Rotatable end caps for correct beam direction</li><li>Packed 25 per carton</li></ul>',
      'zh-CN': '<p>铝塑灯管，磨砂灯罩，内置隔离驱动。单端接线设计，安装时防触电。</p><ul><li>灯头可旋转，便于调整出光方向</li><li>每箱 25 支</li></ul>',
      es: '<p>Tubo de aluminio y policarbonato con difusor opal y driver aislado integrado. La conexión por un extremo evita descargas durante la instalación.</p><ul><li>Casquillos giratorios para orientar el haz</li><li>Caja de 25 unidades</li></ul>',
      ar: '<p>أنبوب من الألومنيوم والبولي كربونات بغطاء مصنفر ومشغّل معزول مدمج. التوصيل من طرف واحد يمنع الصدمات الكهربائية أثناء التركيب.</p><ul><li>قواعد دوّارة لتوجيه الضوء بشكل صحيح</li><li>25 قطعة في كل كرتونة</li></ul>',
    },
    models: [
      { code: '060-9', size: '600 mm', power: 9, beam: 180, price: 135 },
      { code: '060-10', size: '600 mm', power: 10, beam: 180, price: 145 },
      { code: '090-14', size: '900 mm', power: 14, beam: 180, price: 185 },
      { code: '120-18', size: '1200 mm', power: 18, beam: 180, price: 210 },
      { code: '120-20', size: '1200 mm', power: 20, beam: 180, price: 230 },
      { code: '150-24', size: '1500 mm', power: 24, beam: 180, price: 290 },
      { code: '150-26', size: '1500 mm', power: 26, beam: 180, price: 310 },
      { code: '120-18H', size: '1200 mm', power: 18, beam: 240, price: 240 },
      { code: '150-22H', size: '1500 mm', power: 22, beam: 240, price: 300 },
    ],
  },
  {
    category: 'track', prefix: 'LM-TR', shape: 'ring', hue: 280, hs: '940542', efficacy: 95, ip: 'ip20', cri: 'ra90', housing: 'diecast', dimming: ['none', 'dali'], ccts: ['3000k', '4000k'],
    moq: 50, multiple: 1, lead: 30, weightG: (m) => 600 + m.power * 20, dims: (m) => [80 + m.power, 80 + m.power, 180],
    names: {
      en: (m) => `Three-circuit LED track spotlight ${W(m)}, ${m.beam}° beam`,
      'zh-CN': (m) => `三线 LED 轨道射灯 ${W(m)}，${m.beam}° 光束角`,
      es: (m) => `Foco LED para carril trifásico ${W(m)}, haz de ${m.beam}°`,
      ar: (m) => `كشاف LED لمسار ثلاثي الدوائر ${Wa(m)}، زاوية ${m.beam}°`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm, Ra > 90, R9 > 50, 350° rotation. Global-type adapter.`,
      'zh-CN': (m, lm) => `${lm} lm，显色指数 Ra > 90，R9 > 50，可 350° 旋转，Global 型适配器。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm, Ra > 90, R9 > 50, giro de 350°. Adaptador tipo Global.`,
      ar: (m, lm) => `${lm} لومن، Ra > 90، R9 > 50، دوران 350°. محوّل من نوع Global.`,
    },
    body: {
      en: '<p>Retail-grade spotlight with a COB light source and honeycomb anti-glare insert. Colours stay true for fresh food, fashion and art.</p><ul><li>Tilt 90°, rotate 350°</li><li>Black or white housing</li></ul>',
      'zh-CN': '<p>商业级轨道射灯，COB 光源，配蜂窝防眩光片，生鲜、服装和艺术品色彩还原真实。</p><ul><li>可俯仰 90°，水平旋转 350°</li><li>黑色或白色灯体</li></ul>',
      es: '<p>Foco de calidad comercial con fuente COB y rejilla antideslumbramiento en nido de abeja. Colores fieles para alimentación, moda y arte.</p><ul><li>Inclinación de 90°, giro de 350°</li><li>Carcasa negra o blanca</li></ul>',
      ar: '<p>كشاف بجودة المتاجر بمصدر ضوء COB وشبكة خلية نحل مانعة للوهج، يحافظ على الألوان الحقيقية للأغذية الطازجة والأزياء والأعمال الفنية.</p><ul><li>إمالة 90° ودوران 350°</li><li>هيكل أسود أو أبيض</li></ul>',
    },
    models: [
      { code: '10-24', power: 10, beam: 24, price: 980 },
      { code: '10-36', power: 10, beam: 36, price: 980 },
      { code: '20-24', power: 20, beam: 24, price: 1290 },
      { code: '20-36', power: 20, beam: 36, price: 1290 },
      { code: '30-24', power: 30, beam: 24, price: 1590 },
      { code: '30-36', power: 30, beam: 36, price: 1590 },
      { code: '30-60', power: 30, beam: 60, price: 1590 },
      { code: '40-36', power: 40, beam: 36, price: 1890 },
      { code: '40-60', power: 40, beam: 60, price: 1890 },
    ],
  },
  {
    category: 'highbay', prefix: 'LM-HB', shape: 'ring', hue: 10, hs: '940542', efficacy: 160, ip: 'ip65', cri: 'ra80', housing: 'diecast', dimming: ['0-10v', 'dali'], ccts: ['4000k', '5000k', '5700k'],
    moq: 20, multiple: 1, lead: 25, weightG: (m) => 2000 + m.power * 25, dims: (m) => [260 + m.power, 260 + m.power, 160],
    names: {
      en: (m) => `UFO LED high bay ${W(m)}, ${m.beam}° optic`,
      'zh-CN': (m) => `UFO LED 工矿灯 ${W(m)}，${m.beam}° 透镜`,
      es: (m) => `Campana LED UFO ${W(m)}, óptica de ${m.beam}°`,
      ar: (m) => `كشاف LED من نوع UFO للأسقف العالية ${Wa(m)}، عدسة ${m.beam}°`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm at 160 lm/W, IP65, 0–10 V dimming. For mounting heights of 6 to 15 m.`,
      'zh-CN': (m, lm) => `${lm} lm，光效 160 lm/W，IP65，0–10 V 调光，适用于 6 至 15 米安装高度。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm a 160 lm/W, IP65, regulación 0–10 V. Para alturas de montaje de 6 a 15 m.`,
      ar: (m, lm) => `${lm} لومن بكفاءة 160 لومن/واط، IP65، تعتيم 0–10 فولت. لارتفاعات تركيب من 6 إلى 15 مترًا.`,
    },
    body: {
      en: '<p>One-piece die-cast heat sink keeps the LEDs below 65 °C at 45 °C ambient. Drivers by Meanwell or Inventronics, with 6 kV surge protection.</p><ul><li>Hook, bracket or pendant mounting</li><li>Optional motion sensor</li><li>5-year warranty, L70 &gt; 60,000 h</li></ul>',
      'zh-CN': '<p>一体压铸散热器，在 45 °C 环境温度下灯珠温度低于 65 °C。采用明纬或英飞特驱动，6 kV 防雷保护。</p><ul><li>吊钩、支架或吊杆安装</li><li>可选感应器</li><li>5 年质保，L70 &gt; 60,000 小时</li></ul>',
      es: '<p>El disipador de aluminio inyectado de una pieza mantiene los LED por debajo de 65 °C con 45 °C de ambiente. Drivers Meanwell o Inventronics con protección de 6 kV.</p><ul><li>Montaje con gancho, soporte o suspensión</li><li>Sensor de movimiento opcional</li><li>Garantía de 5 años, L70 &gt; 60 000 h</li></ul>',
      ar: '<p>مشتت حراري من الألومنيوم المصبوب قطعة واحدة يحافظ على حرارة الثنائيات دون 65 درجة مئوية عند حرارة محيطة 45 درجة. مشغّلات Meanwell أو Inventronics مع حماية 6 كيلوفولت.</p><ul><li>تركيب بخطاف أو حامل أو تعليق</li><li>حساس حركة اختياري</li><li>ضمان 5 سنوات، L70 أكثر من 60,000 ساعة</li></ul>',
    },
    models: [
      { code: '100-90', power: 100, beam: 90, price: 3900 },
      { code: '100-120', power: 100, beam: 120, price: 3900 },
      { code: '150-60', power: 150, beam: 60, price: 5200 },
      { code: '150-90', power: 150, beam: 90, price: 5200 },
      { code: '150-120', power: 150, beam: 120, price: 5200 },
      { code: '200-60', power: 200, beam: 60, price: 6600 },
      { code: '200-90', power: 200, beam: 90, price: 6600 },
      { code: '240-90', power: 240, beam: 90, price: 7900 },
      { code: '300-90', power: 300, beam: 90, price: 9400 },
    ],
  },
  {
    category: 'flood', prefix: 'LM-FL', shape: 'head', hue: 120, hs: '940542', efficacy: 130, ip: 'ip66', cri: 'ra80', housing: 'diecast', dimming: ['none'], ccts: ['4000k', '5700k'],
    moq: 20, multiple: 1, lead: 20, weightG: (m) => 1200 + m.power * 30, dims: (m) => [200 + m.power, 160 + m.power / 2, 60],
    names: {
      en: (m) => `Die-cast LED floodlight ${W(m)}, IP66`,
      'zh-CN': (m) => `压铸 LED 投光灯 ${W(m)}，IP66`,
      es: (m) => `Proyector LED de aluminio inyectado ${W(m)}, IP66`,
      ar: (m) => `كشاف LED غامر من الألومنيوم المصبوب ${Wa(m)}، IP66`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm, IP66, IK08 tempered glass, adjustable U-bracket.`,
      'zh-CN': (m, lm) => `${lm} lm，IP66，IK08 钢化玻璃，可调 U 型支架。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm, IP66, vidrio templado IK08, lira orientable.`,
      ar: (m, lm) => `${lm} لومن، IP66، زجاج مقسّى IK08، حامل U قابل للضبط.`,
    },
    body: {
      en: '<p>Robust floodlight for façades, yards and sports grounds. Stainless steel screws and a silicone gasket keep water out in coastal climates.</p><ul><li>Symmetric and asymmetric lenses</li><li>Salt-spray tested 1,000 h</li></ul>',
      'zh-CN': '<p>坚固耐用的投光灯，适用于建筑外立面、堆场和运动场。不锈钢螺丝及硅胶密封圈，适应沿海气候。</p><ul><li>可选对称及非对称透镜</li><li>通过 1,000 小时盐雾测试</li></ul>',
      es: '<p>Proyector robusto para fachadas, patios y campos deportivos. Tornillería inoxidable y junta de silicona para climas costeros.</p><ul><li>Lentes simétricas y asimétricas</li><li>Ensayo de niebla salina de 1000 h</li></ul>',
      ar: '<p>كشاف متين للواجهات والساحات والملاعب. براغٍ من الفولاذ المقاوم للصدأ وحشوة سيليكون تمنع دخول الماء في الأجواء الساحلية.</p><ul><li>عدسات متماثلة وغير متماثلة</li><li>اختبار رذاذ الملح لمدة 1,000 ساعة</li></ul>',
    },
    models: [
      { code: '050', power: 50, beam: 120, price: 1900 },
      { code: '100', power: 100, beam: 120, price: 3200 },
      { code: '150', power: 150, beam: 90, price: 4500 },
      { code: '200', power: 200, beam: 90, price: 5900 },
      { code: '300', power: 300, beam: 60, price: 8400 },
      { code: '400', power: 400, beam: 60, price: 10900 },
      { code: '100A', power: 100, beam: 60, price: 3400 },
      { code: '200A', power: 200, beam: 60, price: 6100 },
      { code: '030', power: 30, beam: 120, price: 1400 },
    ],
  },
  {
    category: 'street', prefix: 'LM-ST', shape: 'head', hue: 220, hs: '940542', efficacy: 150, ip: 'ip66', cri: 'ra80', housing: 'diecast', dimming: ['0-10v', 'dali'], ccts: ['3000k', '4000k', '5700k'],
    moq: 10, multiple: 1, lead: 35, weightG: (m) => 3000 + m.power * 30, dims: (m) => [500 + m.power, 200, 90],
    names: {
      en: (m) => `LED street light ${W(m)}, ${m.size} optic`,
      'zh-CN': (m) => `LED 路灯 ${W(m)}，${m.size} 配光`,
      es: (m) => `Farola LED ${W(m)}, óptica ${m.size}`,
      ar: (m) => `عمود إنارة LED ${Wa(m)}، عدسة ${m.size}`,
    },
    summary: {
      en: (m, lm) => `${lm.toLocaleString('en')} lm, ${m.size} distribution, NEMA 7-pin socket, 10 kV surge protection.`,
      'zh-CN': (m, lm) => `${lm} lm，${m.size} 配光，NEMA 7 芯插座，10 kV 防雷保护。`,
      es: (m, lm) => `${lm.toLocaleString('es')} lm, distribución ${m.size}, base NEMA de 7 pines, protección de 10 kV.`,
      ar: (m, lm) => `${lm} لومن، توزيع ${m.size}، مقبس NEMA سباعي، حماية 10 كيلوفولت.`,
    },
    body: {
      en: '<p>Tool-free opening for maintenance, spigot for Ø42–60 mm poles with 0–15° tilt. Ready for smart-city controllers through the NEMA socket.</p><ul><li>Type II for roads, Type III for wide streets</li><li>L90 &gt; 100,000 h</li></ul>',
      'zh-CN': '<p>免工具开盖便于维护，适配 Ø42–60 mm 灯杆，0–15° 可调仰角。通过 NEMA 插座可接入智慧城市控制器。</p><ul><li>II 型配光适用于道路，III 型适用于宽阔街道</li><li>L90 &gt; 100,000 小时</li></ul>',
      es: '<p>Apertura sin herramientas para el mantenimiento y acople para báculos de Ø42–60 mm con inclinación de 0–15°. Preparada para telegestión mediante la base NEMA.</p><ul><li>Tipo II para carreteras, tipo III para calles anchas</li><li>L90 &gt; 100 000 h</li></ul>',
      ar: '<p>فتح دون أدوات لتسهيل الصيانة، ووصلة لأعمدة قطرها 42–60 مم بميل 0–15°. جاهز لأنظمة المدن الذكية عبر مقبس NEMA.</p><ul><li>النوع II للطرق والنوع III للشوارع العريضة</li><li>L90 أكثر من 100,000 ساعة</li></ul>',
    },
    models: [
      { code: '030-T2', size: 'Type II', power: 30, beam: 140, price: 3900 },
      { code: '060-T2', size: 'Type II', power: 60, beam: 140, price: 5400 },
      { code: '060-T3', size: 'Type III', power: 60, beam: 150, price: 5400 },
      { code: '090-T2', size: 'Type II', power: 90, beam: 140, price: 6900 },
      { code: '120-T2', size: 'Type II', power: 120, beam: 140, price: 8200 },
      { code: '120-T3', size: 'Type III', power: 120, beam: 150, price: 8200 },
      { code: '150-T3', size: 'Type III', power: 150, beam: 150, price: 9600 },
      { code: '200-T3', size: 'Type III', power: 200, beam: 150, price: 12400 },
      { code: '240-T3', size: 'Type III', power: 240, beam: 150, price: 14900 },
    ],
  },
];

export const SPEC_LABELS: Record<Lang, Record<'power' | 'flux' | 'efficacy' | 'cri' | 'beam' | 'ip' | 'voltage' | 'pf' | 'life' | 'warranty', string>> = {
  en: { power: 'Power', flux: 'Luminous flux', efficacy: 'Efficacy', cri: 'Colour rendering', beam: 'Beam angle', ip: 'Protection', voltage: 'Input voltage', pf: 'Power factor', life: 'Rated life', warranty: 'Warranty' },
  'zh-CN': { power: '功率', flux: '光通量', efficacy: '光效', cri: '显色指数', beam: '光束角', ip: '防护等级', voltage: '输入电压', pf: '功率因数', life: '额定寿命', warranty: '质保' },
  es: { power: 'Potencia', flux: 'Flujo luminoso', efficacy: 'Eficacia', cri: 'Reproducción cromática', beam: 'Ángulo de haz', ip: 'Protección', voltage: 'Tensión de entrada', pf: 'Factor de potencia', life: 'Vida útil', warranty: 'Garantía' },
  ar: { power: 'القدرة', flux: 'التدفق الضوئي', efficacy: 'الكفاءة الضوئية', cri: 'مؤشر تجسيد الألوان', beam: 'زاوية الحزمة', ip: 'درجة الحماية', voltage: 'جهد الإدخال', pf: 'معامل القدرة', life: 'العمر الافتراضي', warranty: 'الضمان' },
};

export const YEARS: Record<Lang, (n: number) => string> = {
  en: (n) => `${n} years`, 'zh-CN': (n) => `${n} 年`, es: (n) => `${n} años`, ar: (n) => `${n} سنوات`,
};
export const HOURS: Record<Lang, (n: number) => string> = {
  en: (n) => `${n.toLocaleString('en')} h (L70)`, 'zh-CN': (n) => `${n} 小时（L70）`, es: (n) => `${n.toLocaleString('es')} h (L70)`, ar: (n) => `${n} ساعة (L70)`,
};
export const ALT: Record<Lang, (name: string, i: number) => string> = {
  en: (n, i) => (i === 0 ? `${n}, front view` : `${n}, installed`),
  'zh-CN': (n, i) => (i === 0 ? `${n}，正面图` : `${n}，安装效果图`),
  es: (n, i) => (i === 0 ? `${n}, vista frontal` : `${n}, instalado`),
  ar: (n, i) => (i === 0 ? `${n}، منظر أمامي` : `${n}، بعد التركيب`),
};
