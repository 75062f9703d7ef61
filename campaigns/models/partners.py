"""The Partner snippet of "Vì phúc lợi đoàn viên": the campaigns issue."""

__all__ = []
