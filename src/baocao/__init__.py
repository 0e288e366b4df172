"""baocao: Vietnamese official notices (Nghị định 30/2020/NĐ-CP) from YAML data."""

__version__ = "0.1.0"
