from django import template

register = template.Library()


@register.filter
def query_param(name, value):
    """
    {% querystring request.GET param|query_param:3 %}: set a parameter whose name is in a
    variable (given a mapping, the tag starts from it alone, hence request.GET first),
    for a partial used by pages with several paginated lists (?finished_page=3).
    """
    return {name: value}
