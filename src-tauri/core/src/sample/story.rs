//! The demonstration's story, as data: the Club's 8th session as the press report tells
//! it (shared/seed), with the sessions around it — the people, organisations, themes,
//! agenda, invitees and minutes, in the Club's four languages. People other than the
//! ambassador named in the report are fictional. Owns no table; demo.rs writes it.

use super::cast::{t, CHEN, KALIYEV, LI, LIU, NURYSHEV, OMAROVA, SARSENOVA, WANG, ZHAO};
use crate::planning::agenda::ItemKind;
use crate::planning::agenda_roles::RoleKind;
use crate::planning::rsvp::{AttendanceStatus, Channel, InvitationStatus, InviteeRole};
use crate::planning::sessions::SessionStatus;
use crate::text::Text;

/// The ranked groups of the order of precedence, first to last.
pub(super) fn categories() -> [Text; 7] {
    [
        t(
            "Действующие послы",
            "Қазіргі елшілер",
            "现任大使",
            "Serving ambassadors",
        ),
        t(
            "Бывшие послы",
            "Бұрынғы елшілер",
            "前任大使",
            "Former ambassadors",
        ),
        t(
            "Должностные лица",
            "Лауазымды тұлғалар",
            "政府官员",
            "Officials",
        ),
        t(
            "Руководители институтов",
            "Институт басшылары",
            "研究机构负责人",
            "Heads of institutes",
        ),
        t(
            "Учёные и эксперты",
            "Ғалымдар мен сарапшылар",
            "学者和专家",
            "Scholars and experts",
        ),
        t(
            "Сотрудники посольства",
            "Елшілік қызметкерлері",
            "使馆工作人员",
            "Embassy staff",
        ),
        t("Пресса", "Баспасөз", "媒体", "Press"),
    ]
}

/// kind, country, name; `Person::organisation` names them by key (see `organisation`).
pub(super) fn organisations() -> [(&'static str, &'static str, Text); 5] {
    [
        (
            "embassy",
            "KZ",
            t(
                "Посольство Республики Казахстан в КНР",
                "Қазақстан Республикасының ҚХР-дағы Елшілігі",
                "哈萨克斯坦共和国驻华大使馆",
                "Embassy of the Republic of Kazakhstan in China",
            ),
        ),
        (
            "government",
            "CN",
            t(
                "Министерство иностранных дел КНР",
                "ҚХР Сыртқы істер министрлігі",
                "中华人民共和国外交部",
                "Ministry of Foreign Affairs of China",
            ),
        ),
        (
            "institute",
            "CN",
            t(
                "Институт России, Восточной Европы и Центральной Азии АОН Китая",
                "ҚХҒА Ресей, Шығыс Еуропа және Орталық Азия институты",
                "中国社会科学院俄罗斯东欧中亚研究所",
                "Institute of Russian, East European and Central Asian Studies, CASS",
            ),
        ),
        (
            "university",
            "CN",
            t(
                "Пекинский университет иностранных языков",
                "Бейжің шет тілдер университеті",
                "北京外国语大学",
                "Beijing Foreign Studies University",
            ),
        ),
        (
            "media",
            "KZ",
            t("DKNews.kz", "DKNews.kz", "DKNews.kz", "DKNews.kz"),
        ),
    ]
}

/// Where a person's organisation key is among `organisations()`.
pub(super) fn organisation(key: &str) -> usize {
    match key {
        "embassy" => 0,
        "mfa" => 1,
        "cass" => 2,
        "bfsu" => 3,
        _ => 4,
    }
}

/// The 8th session's themes, in their order.
pub(super) fn themes() -> [Text; 6] {
    [
        t(
            "Новые точки роста в двустороннем сотрудничестве",
            "Екіжақты ынтымақтастықтың жаңа өсу нүктелері",
            "双边合作的新增长点",
            "New growth points in bilateral cooperation",
        ),
        t(
            "Сопряжение национальных стратегий развития",
            "Ұлттық даму стратегияларын ұштастыру",
            "国家发展战略对接",
            "Aligning national development strategies",
        ),
        t(
            "Участие Казахстана в региональных и международных инициативах",
            "Қазақстанның өңірлік және халықаралық бастамаларға қатысуы",
            "哈萨克斯坦参与地区和国际倡议",
            "Kazakhstan in regional and international initiatives",
        ),
        t(
            "Усиление экспертного диалога между Казахстаном и Китаем",
            "Қазақстан мен Қытай арасындағы сараптамалық диалогты күшейту",
            "加强哈中专家对话",
            "Strengthening the expert dialogue between Kazakhstan and China",
        ),
        t(
            "Транспортно-логистическая связанность",
            "Көлік-логистикалық байланыс",
            "交通物流互联互通",
            "Transport and logistics connectivity",
        ),
        t(
            "Промышленная кооперация",
            "Өнеркәсіптік кооперация",
            "产业合作",
            "Industrial cooperation",
        ),
    ]
}

pub(super) fn venue() -> Text {
    t(
        "Культурный центр Казахстана, Пекин",
        "Қазақстан мәдени орталығы, Бейжің",
        "哈萨克斯坦文化中心，北京",
        "Kazakhstan Cultural Centre, Beijing",
    )
}

/// number, date, status, title, theme; every one from 15:00 to 17:30, Beijing time.
pub(super) fn sessions() -> [(u32, &'static str, SessionStatus, Text, Text); 5] {
    [
        (5, "2022-11-17", SessionStatus::Held,
         t("Казахстан после реформ 2022 года", "2022 жылғы реформалардан кейінгі Қазақстан", "2022年改革后的哈萨克斯坦", "Kazakhstan after the 2022 reforms"),
         t("Политическая модернизация и новая Конституция", "Саяси жаңғырту және жаңа Конституция", "政治现代化与新宪法", "Political modernisation and the new Constitution")),
        (6, "2023-10-26", SessionStatus::Held,
         t("Десять лет инициативе «Пояс и путь»", "«Белдеу және жол» бастамасына он жыл", "“一带一路”倡议十周年", "Ten years of the Belt and Road Initiative"),
         t("Казахстан как транзитный мост Евразии", "Қазақстан — Еуразияның транзиттік көпірі", "哈萨克斯坦作为欧亚过境桥梁", "Kazakhstan as Eurasia's transit bridge")),
        (7, "2024-11-14", SessionStatus::MinutesApproved,
         t("Центральная Азия в меняющемся мире", "Өзгермелі әлемдегі Орталық Азия", "变化世界中的中亚", "Central Asia in a changing world"),
         t("Региональная интеграция и водно-энергетическое сотрудничество", "Өңірлік интеграция және су-энергетикалық ынтымақтастық", "地区一体化与水资源能源合作", "Regional integration and water-energy cooperation")),
        (8, "2025-11-20", SessionStatus::Held,
         t("Казахстан как опора стабильности в регионе", "Қазақстан — өңірдегі тұрақтылықтың тірегі", "哈萨克斯坦：地区稳定的支柱", "Kazakhstan as a pillar of stability in the region"),
         t("Роль Казахстана в обеспечении устойчивости и безопасности в Центральной Азии", "Қазақстанның Орталық Азиядағы тұрақтылық пен қауіпсіздікті қамтамасыз етудегі рөлі", "哈萨克斯坦在维护中亚稳定与安全中的作用", "Kazakhstan's role in the stability and security of Central Asia")),
        (9, "2026-12-10", SessionStatus::Planned,
         t("Итоги года и перспективы сотрудничества", "Жыл қорытындысы және ынтымақтастық болашағы", "年度总结与合作前景", "The year in review and prospects for cooperation"),
         t("Торговля, инвестиции и культурно-гуманитарные обмены", "Сауда, инвестиция және мәдени-гуманитарлық алмасу", "贸易、投资与人文交流", "Trade, investment and cultural exchange")),
    ]
}

/// The 8th session's agenda: kind, minutes, title, description, (person, role).
pub(super) type Item = (ItemKind, u32, Text, Text, &'static [(usize, RoleKind)]);

pub(super) fn agenda() -> [Item; 6] {
    [
        (ItemKind::Opening, 10,
         t("Открытие заседания", "Отырыстың ашылуы", "会议开幕", "Opening of the session"),
         t("Приветственное слово ведущего", "Жүргізушінің құттықтау сөзі", "主持人致欢迎辞", "Welcome by the moderator"),
         &[(SARSENOVA, RoleKind::Moderator)]),
        (ItemKind::Report, 30,
         t("Доклад Посла Республики Казахстан в КНР", "Қазақстан Республикасының ҚХР-дағы Елшісінің баяндамасы", "哈萨克斯坦驻华大使报告", "Report by the Ambassador of Kazakhstan to China"),
         t("Политические и социально-экономические реформы в Казахстане: модернизация госуправления, верховенство закона, концепция «Справедливого Казахстана»; динамика казахстанско-китайских отношений",
           "Қазақстандағы саяси және әлеуметтік-экономикалық реформалар: мемлекеттік басқаруды жаңғырту, заң үстемдігі, «Әділетті Қазақстан» тұжырымдамасы; қазақ-қытай қатынастарының серпіні",
           "哈萨克斯坦的政治和社会经济改革：国家治理现代化、法治、“公正的哈萨克斯坦”理念；哈中关系发展态势",
           "Political and socio-economic reforms in Kazakhstan: modernising public administration, the rule of law, the “Just Kazakhstan” concept; the course of Kazakhstan–China relations"),
         &[(NURYSHEV, RoleKind::Speaker)]),
        (ItemKind::Remarks, 30,
         t("Выступления бывших послов Китая в Казахстане", "Қытайдың Қазақстандағы бұрынғы елшілерінің сөздері", "中国前驻哈萨克斯坦大使发言", "Remarks by former Ambassadors of China to Kazakhstan"),
         t("Последовательность внешнеполитического курса Казахстана и высокий уровень политического доверия",
           "Қазақстанның сыртқы саяси бағытының дәйектілігі және саяси сенімнің жоғары деңгейі",
           "哈萨克斯坦外交政策的连续性与高水平政治互信",
           "The consistency of Kazakhstan's foreign policy and the high level of political trust"),
         &[(WANG, RoleKind::Speaker), (LI, RoleKind::Speaker)]),
        (ItemKind::Break, 10,
         t("Перерыв на чай", "Шай үзілісі", "茶歇", "Tea break"),
         Text::new(), &[]),
        (ItemKind::Discussion, 50,
         t("Дискуссия: Казахстан как опора стабильности в Центральной Азии", "Пікірталас: Қазақстан — Орталық Азиядағы тұрақтылықтың тірегі", "讨论：哈萨克斯坦是中亚稳定的支柱", "Discussion: Kazakhstan as a pillar of stability in Central Asia"),
         t("Новые точки роста, сопряжение стратегий развития, региональные инициативы, экспертный диалог",
           "Жаңа өсу нүктелері, даму стратегияларын ұштастыру, өңірлік бастамалар, сараптамалық диалог",
           "新增长点、发展战略对接、地区倡议、专家对话",
           "New growth points, aligned development strategies, regional initiatives, expert dialogue"),
         &[(SARSENOVA, RoleKind::Moderator), (LIU, RoleKind::Speaker), (CHEN, RoleKind::Speaker), (ZHAO, RoleKind::Speaker)]),
        (ItemKind::Closing, 10,
         t("Подведение итогов и закрытие", "Қорытынды және жабылу", "总结与闭幕", "Conclusions and closing"),
         Text::new(), &[(NURYSHEV, RoleKind::Chair)]),
    ]
}

/// person, role, answer, channel, attendance: everyone came to the 8th session.
pub(super) const INVITEES: [(
    usize,
    InviteeRole,
    InvitationStatus,
    Channel,
    AttendanceStatus,
); 9] = [
    (
        NURYSHEV,
        InviteeRole::Speaker,
        InvitationStatus::Confirmed,
        Channel::InPerson,
        AttendanceStatus::Present,
    ),
    (
        WANG,
        InviteeRole::Speaker,
        InvitationStatus::Confirmed,
        Channel::Letter,
        AttendanceStatus::Present,
    ),
    (
        LI,
        InviteeRole::Speaker,
        InvitationStatus::Confirmed,
        Channel::Letter,
        AttendanceStatus::Present,
    ),
    (
        LIU,
        InviteeRole::Guest,
        InvitationStatus::Confirmed,
        Channel::Letter,
        AttendanceStatus::Late,
    ),
    (
        CHEN,
        InviteeRole::Guest,
        InvitationStatus::Confirmed,
        Channel::Wechat,
        AttendanceStatus::Present,
    ),
    (
        ZHAO,
        InviteeRole::Guest,
        InvitationStatus::Confirmed,
        Channel::Phone,
        AttendanceStatus::Present,
    ),
    (
        SARSENOVA,
        InviteeRole::Moderator,
        InvitationStatus::Confirmed,
        Channel::InPerson,
        AttendanceStatus::Present,
    ),
    (
        KALIYEV,
        InviteeRole::Organizer,
        InvitationStatus::Confirmed,
        Channel::InPerson,
        AttendanceStatus::Present,
    ),
    (
        OMAROVA,
        InviteeRole::Press,
        InvitationStatus::Confirmed,
        Channel::Email,
        AttendanceStatus::Present,
    ),
];
/// When the invitations went out and the answers came back.
pub(super) const INVITED_AT: &str = "2025-10-30T02:00:00Z";
pub(super) const RESPONDED_AT: &str = "2025-11-05T06:00:00Z";
/// Check-in on the day (the late one at 15:20 Beijing time).
pub(super) const CHECKED_IN_AT: &str = "2025-11-20T06:50:00Z";
pub(super) const CHECKED_IN_LATE_AT: &str = "2025-11-20T07:20:00Z";

pub(super) fn summary() -> Text {
    t(
        "В Культурном центре Казахстана состоялось 8-е заседание Клуба друзей Казахстана. Участники — бывшие послы Китая в Казахстане, представители госорганов, академического сообщества и профильных институтов — обсудили роль Казахстана в обеспечении устойчивости и безопасности в Центральной Азии. Диалог был живым и содержательным.",
        "Қазақстан мәдени орталығында Қазақстан достары клубының 8-ші отырысы өтті. Қатысушылар Қазақстанның Орталық Азиядағы тұрақтылық пен қауіпсіздікті қамтамасыз етудегі рөлін талқылады.",
        "俱乐部第八次会议在哈萨克斯坦文化中心举行。中国前驻哈萨克斯坦大使、政府部门、学术界和研究机构代表讨论了哈萨克斯坦在维护中亚稳定与安全中的作用。对话生动而富有成果。",
        "The Club's 8th session met at the Kazakhstan Cultural Centre. Former Chinese ambassadors to Kazakhstan, officials, scholars and researchers discussed Kazakhstan's role in the stability and security of Central Asia. The dialogue was lively and substantive.",
    )
}

/// agenda item (by place), notes, key points
pub(super) fn notes() -> [(usize, Text, Text); 3] {
    [
        (1, t(
            "Посол Республики Казахстан в КНР Шахрат Нурышев представил обзор политических и социально-экономических реформ:\n\n- модернизация системы госуправления\n- укрепление верховенства закона\n- развитие институтов государственности\n- продвижение концепции **«Справедливого Казахстана»**\n\nВечное всестороннее стратегическое партнёрство развивается устойчиво и последовательно. Главные сферы взаимодействия: торговля и инвестиции, промышленная кооперация, энергетика, транспортно-логистическая связанность, культурно-гуманитарные обмены.",
            "Қазақстан Республикасының ҚХР-дағы Елшісі Шахрат Нұрышев саяси және әлеуметтік-экономикалық реформаларға шолу жасады:\n\n- мемлекеттік басқару жүйесін жаңғырту\n- заң үстемдігін нығайту\n- мемлекеттілік институттарын дамыту\n- **«Әділетті Қазақстан»** тұжырымдамасын ілгерілету\n\nМәңгілік жан-жақты стратегиялық серіктестік тұрақты әрі дәйекті дамып келеді. Өзара іс-қимылдың негізгі салалары: сауда және инвестиция, өнеркәсіптік кооперация, энергетика, көлік-логистикалық байланыс, мәдени-гуманитарлық алмасу.",
            "努雷舍夫大使介绍了哈萨克斯坦的政治和社会经济改革：\n\n- 国家治理现代化\n- 加强法治\n- 发展国家制度\n- 推进**“公正的哈萨克斯坦”**理念\n\n永久全面战略伙伴关系稳步发展。主要合作领域：贸易投资、产业合作、能源、交通物流互联互通、人文交流。",
            "Ambassador Shakhrat Nuryshev reviewed the political and socio-economic reforms:\n\n- modernising public administration\n- strengthening the rule of law\n- developing state institutions\n- the **“Just Kazakhstan”** concept\n\nThe Eternal Comprehensive Strategic Partnership develops steadily and consistently. The main fields of cooperation: trade and investment, industrial cooperation, energy, transport and logistics connectivity, cultural and people-to-people exchange.",
        ), t("Реформы создают новую основу для сотрудничества с Китаем.", "Реформалар Қытаймен ынтымақтастықтың жаңа негізін қалайды.", "改革为与中国合作奠定了新基础。", "The reforms lay a new basis for cooperation with China.")),
        (2, t(
            "Выступающие, включая бывших послов Китая в Казахстане, высоко оценили личный вклад Президента Казахстана Касым-Жомарта Токаева в развитие двусторонних отношений. Они подчеркнули:\n\n1. последовательность внешнеполитического курса Казахстана\n2. высокий уровень политического доверия между Астаной и Пекином\n3. особую роль Казахстана в Центральной Азии",
            "Сөз сөйлегендер, соның ішінде Қытайдың Қазақстандағы бұрынғы елшілері, Қазақстан Президенті Қасым-Жомарт Тоқаевтың екіжақты қатынастарды дамытуға қосқан жеке үлесін жоғары бағалады. Олар мыналарды атап өтті:\n\n1. Қазақстанның сыртқы саяси бағытының дәйектілігі\n2. Астана мен Бейжің арасындағы саяси сенімнің жоғары деңгейі\n3. Қазақстанның Орталық Азиядағы ерекше рөлі",
            "包括中国前驻哈萨克斯坦大使在内的发言者高度评价托卡耶夫总统对发展双边关系的个人贡献。他们强调：\n\n1. 哈萨克斯坦外交政策的连续性\n2. 阿斯塔纳与北京之间高水平的政治互信\n3. 哈萨克斯坦在中亚的特殊作用",
            "Speakers, including former Chinese Ambassadors to Kazakhstan, praised President Kassym-Jomart Tokayev's personal contribution to bilateral relations. They stressed:\n\n1. the consistency of Kazakhstan's foreign policy\n2. the high level of political trust between Astana and Beijing\n3. Kazakhstan's special role in Central Asia",
        ), Text::new()),
        (4, t(
            "Эксперты выделили несколько ключевых направлений: новые точки роста в двустороннем сотрудничестве, сопряжение национальных стратегий развития, участие Казахстана в региональных и международных инициативах, усиление экспертного диалога. Много внимания уделили тому, как Астана и Пекин видят *долгосрочное* развитие отношений.",
            "Сарапшылар бірнеше негізгі бағытты атап өтті: екіжақты ынтымақтастықтағы жаңа өсу нүктелері, ұлттық даму стратегияларын ұштастыру, Қазақстанның өңірлік және халықаралық бастамаларға қатысуы, сараптамалық диалогты күшейту. Астана мен Бейжің қатынастардың *ұзақ мерзімді* дамуын қалай көретініне көп көңіл бөлінді.",
            "专家们指出了几个关键方向：双边合作的新增长点、国家发展战略对接、哈萨克斯坦参与地区和国际倡议、加强专家对话。与会者着重讨论了阿斯塔纳和北京如何看待两国关系的*长期*发展。",
            "The experts singled out several key directions: new points of growth in bilateral cooperation, aligning national development strategies, Kazakhstan's part in regional and international initiatives, and a stronger expert dialogue. Much attention went to how Astana and Beijing see the *long-term* development of relations.",
        ), t("Сотрудничество Китая и Казахстана — важный фактор устойчивого развития всего региона.", "Қытай мен Қазақстанның ынтымақтастығы — бүкіл өңірдің тұрақты дамуының маңызды факторы.", "中哈合作是整个地区可持续发展的重要因素。", "Cooperation between China and Kazakhstan is an important factor in the sustainable development of the whole region.")),
    ]
}

/// agenda item (by place), person, what they said
pub(super) fn remarks() -> [(usize, usize, Text); 4] {
    [
        (1, NURYSHEV, t("В текущем году состоялась серия важных визитов на высшем уровне, которые задали долгосрочные ориентиры и подтвердили высокий уровень доверия.", "Биыл ұзақ мерзімді бағдарларды айқындап, сенімнің жоғары деңгейін растаған жоғары деңгейдегі бірқатар маңызды сапарлар өтті.", "今年举行了一系列重要的高层访问，确立了长期方向，体现了高度互信。", "This year saw a series of important top-level visits that set long-term guidelines and confirmed the high level of trust.")),
        (2, WANG, t("Казахстан последовательно проводит взвешенный внешнеполитический курс.", "Қазақстан байыпты сыртқы саясатты дәйекті түрде жүргізіп келеді.", "哈萨克斯坦始终奉行稳健的外交政策。", "Kazakhstan consistently pursues a balanced foreign policy.")),
        (2, LI, t("Политическое доверие между Астаной и Пекином находится на высоком уровне.", "Астана мен Бейжің арасындағы саяси сенім жоғары деңгейде.", "阿斯塔纳与北京之间的政治互信处于高水平。", "Political trust between Astana and Beijing is at a high level.")),
        (4, CHEN, t("Нужен регулярный экспертный диалог между институтами двух стран.", "Екі елдің институттары арасында тұрақты сараптамалық диалог қажет.", "两国研究机构之间需要定期开展专家对话。", "A regular expert dialogue between the two countries' institutes is needed.")),
    ]
}

/// The decision of the discussion (item 4), and its follow-up: who, what, by when.
pub(super) fn decision() -> Text {
    t("Продолжить экспертный диалог: подготовить к 9-му заседанию обзор по транспортно-логистической связанности.", "Сараптамалық диалогты жалғастыру: 9-шы отырысқа көлік-логистикалық байланыс бойынша шолу дайындау.", "继续专家对话：为第九次会议准备交通物流互联互通综述。", "Continue the expert dialogue: prepare a review of transport and logistics connectivity for the 9th session.")
}

pub(super) const FOLLOW_UP_OWNER: usize = CHEN;
pub(super) const FOLLOW_UP_DUE: &str = "2026-12-01";

pub(super) fn follow_up() -> Text {
    t(
        "Обзор по транспортно-логистической связанности к 9-му заседанию",
        "9-шы отырысқа көлік-логистикалық байланыс бойынша шолу",
        "为第九次会议准备交通物流互联互通综述",
        "Review of transport and logistics connectivity for the 9th session",
    )
}
