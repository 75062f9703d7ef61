"""Django's cached template loader, with each loaded template's block list worked out once.

On every render of a page whose template extends `base.html`, Django's `{% extends %}` collects
the root template's `{% block %}` nodes by walking its whole node tree (`get_nodes_by_type`):
~85 nodes, ~5% of the instructions of an article read again with its fragments warm. A template
the loader hands out is fully parsed and never changes afterwards, so the answer is kept on its
node list, per node type.
"""

from django.template.base import NodeList
from django.template.loaders import cached

__all__ = ["Loader", "ParsedNodeList"]


class ParsedNodeList(NodeList):
    """The top-level node list of a parsed template: `get_nodes_by_type()` remembered."""

    def get_nodes_by_type(self, nodetype):
        found = self.__dict__.setdefault("_nodes_by_type", {})
        if nodetype not in found:
            found[nodetype] = super().get_nodes_by_type(nodetype)
        return list(found[nodetype])


class Loader(cached.Loader):
    def get_template(self, template_name, skip=None):
        template = super().get_template(template_name, skip)
        nodelist = getattr(template, "nodelist", None)
        if type(nodelist) is NodeList:  # parsed: nothing is added to it any more
            nodelist.__class__ = ParsedNodeList
        return template
