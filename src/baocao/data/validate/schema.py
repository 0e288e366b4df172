"""A JSON Schema of the notice format, for editors (``baocao schema``).

It is pydantic's schema of :class:`~baocao.data.model.Notice` by alias, reshaped to describe the YAML
as written rather than the typed model: numbers, booleans and deadlines may be text (the loader
reads every value as text; an editor's YAML 1.2 reader sees ``so: 15`` as a number), a khoản,
điểm or ý may be a plain string, and the fields that take "one or a list" take either. Titles
and descriptions are Vietnamese.
"""
from __future__ import annotations

from typing import Any

from baocao.data.model import Notice
from baocao.documents.layout import SETTING_KEYS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DEADLINE_FORMS = "2026-02-05, truoc 2026-02-05, 2026-06, 2026-Q1, 2026-H1, 2026-H2, 2026 hoặc thuong-xuyen"
ONE_OR_MANY = {("Item", "phoi_hop"), ("Item", "thoi_han"), ("Signer", "chuc_vu"), ("Archive", "don_vi"),
               ("Agency", "ten_khac"), ("Agency", "ten_dau"), ("Agency", "thay_boi")}
# Texts of one or more paragraphs: a string (a line break starts a paragraph) or a list of them.
PARAGRAPHS = {"van_ban", "sau", "mo_dau", "ket_thuc"}

MODEL_TITLES = {
    "Notice": "Thông báo", "DocumentInfo": "Thông tin văn bản", "Meeting": "Cuộc họp",
    "Attendance": "Thành phần tham dự", "Body": "Nội dung", "Section": "Phần (I., II., …)",
    "Item": "Khoản, điểm, ý, đoạn hoặc ý gạch đầu dòng", "Signer": "Người ký", "RecipientAgency": "Nơi nhận là cơ quan",
    "RecipientGroup": "Nơi nhận là một nhóm", "Archive": "Dòng Lưu", "Agency": "Cơ quan",
    "Deadline": "Thời hạn",
}
TITLES = {
    "van_ban": "Văn bản", "cuoc_hop": "Cuộc họp", "noi_dung": "Nội dung", "nguoi_ky": "Người ký",
    "noi_nhan": "Nơi nhận", "luu": "Lưu", "co_quan_them": "Cơ quan bổ sung", "trinh_bay": "Trình bày",
    "co_quan": "Cơ quan", "co_quan_chu_quan": "Cơ quan chủ quản", "loai": "Loại", "so": "Số",
    "ky_hieu": "Ký hiệu", "ngay": "Ngày", "nam": "Năm", "dia_danh": "Địa danh", "do_khan": "Độ khẩn",
    "do_mat": "Độ mật", "pham_vi_luu_hanh": "Phạm vi lưu hành", "trich_yeu": "Trích yếu",
    "thong_bao_den": "Thông báo để … biết", "dia_diem": "Địa điểm", "chu_tri": "Chủ trì",
    "ten": "Tên", "ten_ngan": "Tên ngắn", "thanh_phan": "Thành phần", "truc_tiep": "Dự trực tiếp",
    "truc_tuyen": "Dự trực tuyến", "nghe": "Sau khi nghe", "ket_luan": "Người kết luận",
    "phan": "Các phần", "khoan": "Các khoản", "tieu_de": "Tiêu đề", "cach_giao": "Cách giao việc",
    "phoi_hop": "Phối hợp", "phoi_hop_them": "Phối hợp (ghi thêm)", "thoi_han": "Thời hạn",
    "san_pham": "Sản phẩm", "bao_cao": "Báo cáo", "tham_quyen": "Thẩm quyền", "y": "Các ý",
    "y_danh_so": "Đánh số ý", "sau": "Câu sau các ý", "diem": "Các điểm", "quyen_han": "Quyền hạn ký",
    "thay_mat": "Thay mặt", "chuc_vu": "Chức vụ", "ho_ten": "Họ tên", "chu_ky": "Ảnh chữ ký",
    "dau": "Ảnh con dấu", "nhom": "Tên nhóm", "gom": "Gồm", "ghi_chu": "Ghi chú",
    "don_vi": "Đơn vị", "so_ban": "Số bản", "nguoi_soan": "Người soạn", "viet_tat": "Viết tắt",
    "chu_quan": "Chủ quản", "mo_dau": "Mở đầu (nguyên văn)", "ket_thuc": "Câu kết (nguyên văn)",
    "doan": "Các đoạn", "gach": "Các ý gạch đầu dòng", "cong": "Các ý dấu cộng", "ma": "Mã nhiệm vụ",
    "kieu_tieu_de": "Kiểu tiêu đề", "cach_ke": "Cách kể cơ quan", "noi_cuoi": "Nối cơ quan cuối",
    "thang": "Tháng", "ten_khac": "Tên khác", "ten_dau": "Tên ở phần đầu văn bản", "tu_ngay": "Từ ngày",
    "den_ngay": "Đến ngày", "thay_boi": "Cơ quan tiếp nhận",
}
ITEM_TEXT = {"title": "Nội dung", "description": "nội dung; {thoi_han} đánh dấu chỗ ghi thời hạn"}


def _number(node: dict) -> dict:
    native: dict[str, Any] = {"type": "integer"}
    for old, new in (("ge", "minimum"), ("le", "maximum"), ("minimum", "minimum"), ("maximum", "maximum")):
        if old in node:
            native[new] = node[old]
    return {"anyOf": [native, {"type": "string", "pattern": "^(0|[1-9][0-9]{0,5})$"}]}


def _reshape(node: Any) -> Any:
    """Numbers and booleans may be text; pydantic's English titles go."""
    if isinstance(node, list):
        return [_reshape(x) for x in node]
    if not isinstance(node, dict):
        return node
    if node.get("$ref", "").endswith("/Deadline"):
        return {"$ref": node["$ref"]}
    if node.get("type") == "integer":
        return {k: v for k, v in node.items() if k in ("title", "description", "default")} | _number(node)
    if node.get("type") == "boolean":
        rest = {k: v for k, v in node.items() if k not in ("type",)}
        return rest | {"anyOf": [{"type": "boolean"}, {"enum": ["true", "false", "True", "False"]}]}
    out = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {name: _reshape(prop) for name, prop in value.items()}
        elif key != "title":
            out[key] = _reshape(value)
    return out


def _titles(name: str, model: dict) -> None:
    model["title"] = MODEL_TITLES.get(name, name)
    if "properties" in model:
        model.pop("description", None)  # class docstrings are English
    for alias, prop in model.get("properties", {}).items():
        prop["title"] = TITLES.get(alias, alias)
        if (name, alias) in ONE_OR_MANY:
            single = prop.pop("items")
            prop.pop("type", None)
            prop["anyOf"] = [single, {"type": "array", "items": single}, {"type": "null"}]
        elif alias in PARAGRAPHS and prop.get("type") == "array":
            prop.pop("type")
            items = prop.pop("items")
            prop["anyOf"] = [{"type": "string", "minLength": 1}, {"type": "array", "items": items, "minItems": 1}]
    if name == "Item":
        model["properties"]["van_ban"].update(ITEM_TEXT)


def settings_schema() -> dict:
    """The ``trinh_bay`` mapping: the keys of :data:`baocao.documents.layout.SETTING_KEYS`."""
    properties = {}
    for key, (_attr, allowed, source) in SETTING_KEYS.items():
        if allowed is None:
            properties[key] = {"type": "string", "description": f"Nghị định 30 {source}"}
            continue
        if isinstance(allowed, set):
            shown = " hoặc ".join(map(str, sorted(allowed)))
        else:
            shown = f"từ {allowed[0]} đến {allowed[1]}"
        properties[key] = {"type": ["number", "string"], "description": f"Nghị định 30 {source}: {shown}"}
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "description": "cài đặt trình bày riêng của văn bản này (cùng khóa với cai-dat.yaml)"}


def notice_schema() -> dict:
    """The JSON Schema (draft 2020-12) of one notice file as written in YAML."""
    schema = _reshape(Notice.model_json_schema(by_alias=True))
    defs = schema["$defs"]
    defs["Deadline"] = {"anyOf": [{"type": "string"}, {"type": "integer"}],
                        "description": f"một trong các dạng: {DEADLINE_FORMS}"}
    for name, model in defs.items():
        _titles(name, model)
    _titles("Notice", schema)
    schema["properties"]["trinh_bay"] = settings_schema() | {"title": TITLES["trinh_bay"]}
    item = defs.pop("Item")
    defs["Item"] = {"title": item.pop("title"), "description": "một dòng chữ, hoặc một bảng khóa",
                    "anyOf": [{"type": "string"}, item]}
    return {"$schema": DIALECT, "$id": "https://baocao.local/schema/thong-bao.json",
            "description": "Tệp dữ liệu một thông báo (Nghị định 30/2020/NĐ-CP); danh mục cơ quan có sẵn, "
                           "thêm bằng co-quan.yaml cùng thư mục", **schema}
