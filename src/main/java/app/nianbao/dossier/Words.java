package app.nianbao.dossier;

/** What a dossier prints besides the figures, in both languages. */
enum Words {
    AGENCY_TITLE("%s 政府信息公开年度报告档案", "%s: government information disclosure reports, dossier"),
    COMPARISON_TITLE("机构对比档案：%d 个机构", "Comparison dossier: %d agencies"),
    COVERS("%s · %d–%d 年 · 共 %d 份报告", "%s · %d–%d · %d reports"),
    MADE("年报 Nianbao 生成于 %s；数字取自各年度报告的当前版本", "Made by Nianbao on %s from the current version of each year's report"),
    CHARTS("主要图表", "Main charts"),
    TABLES("报告表格", "Report tables"),
    FINDINGS("核对发现及审核状态", "Findings and their review"),
    NO_FINDINGS("没有需要列出的发现。", "No finding to list."),
    NOTES("注释", "Notes"),
    NO_NOTES("没有注释。", "No notes."),
    SOURCES("数据来源", "Sources"),
    REPORT("报告", "Report"),
    RULE("规则", "Rule"),
    SEVERITY("严重程度", "Severity"),
    TEXT("内容", "Finding"),
    REVIEW("审核", "Review"),
    FILE("文件", "File"),
    VERSION("版本", "Version"),
    IMPORTED("导入时间", "Imported"),
    YEAR("年度", "Year"),
    SUMMARY("%d 年：第 %d 版，%s 模板，质量分 %d，错误 %d，警告 %d", "%d: version %d, %s template, score %d, %d errors, %d warnings"),
    TABLE_2("%d 年 表二 主动公开政府信息情况", "%d, table 2: proactive disclosure"),
    TABLE_3("%d 年 表三 收到和处理政府信息公开申请情况", "%d, table 3: applications received and handled"),
    TABLE_4("%d 年 表四 行政复议、行政诉讼情况", "%d, table 4: administrative reviews and lawsuits"),
    COMPARISON_TABLE("%s 各年度主要指标", "%s: the main figures by year"),
    BLANK("空白", "blank"),
    GAP("无报告", "no report"),
    OPEN("待审", "open"),
    CONFIRMED("已确认（机构填报错误）", "confirmed (the agency's error)"),
    DISMISSED("已排除", "dismissed"),
    REVIEWED("%s · %s · %s：%s", "%s by %s, %s: %s"),
    ERROR("错误", "error"),
    WARNING("警告", "warning"),
    INFO("提示", "information"),
    AXIS_FROM_ZERO("纵轴自 0 起；空缺年度不连线", "The axis starts at zero; years without a report are gaps"),
    NOTE_LINE("(%d) %d 年 · %s：%s — %s，%s", "(%d) %d · %s: %s — %s, %s"),
    EVERY_METRIC("全部指标", "every metric");

    private final String zh;
    private final String en;

    Words(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    String in(boolean english, Object... args) {
        return (english ? en : zh).formatted(args);
    }
}
