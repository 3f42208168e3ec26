import pytest

from postman_kit.filters import (
    FilterSyntaxError,
    check_filter,
    evaluate,
    example_filter,
    parse_filter,
    rules_from_description,
    rules_from_extension,
)

DESCRIPTION = (
    "For more information please visit https://example/filtering<br>Allowed field(s)/operator(s):<br>"
    "`id`: `any`, `equals`<br>`created`: `greater-than`, `less-than`<br>`list_id` : `equals`"
)


def test_parses_the_guides_saved_request_filter():
    [condition] = parse_filter("greater-than(created,2023-08-10T23:00:00Z)")
    assert (condition.operator, condition.field) == ("greater-than", "created")
    assert condition.value.kind == "datetime" and condition.value.value == "2023-08-10T23:00:00Z"


def test_and_groups_flatten_and_values_keep_their_kinds():
    conditions = parse_filter(
        "and(equals(email,'o''brien@example.com'),any(id,['a','b']),equals(flag,true),"
        'equals(gone,null),less-than(score,1.5),equals(messages.channel,"email"))'
    )
    kinds = [(c.field, c.value.kind, c.value.python()) for c in conditions]
    assert kinds == [
        ("email", "string", "o'brien@example.com"),
        ("id", "list", ["a", "b"]),
        ("flag", "boolean", True),
        ("gone", "null", None),
        ("score", "number", 1.5),
        ("messages.channel", "string", "email"),
    ]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("equals(email,'a@b.com'", "expected ')'"),
        ("equals(email,foo)", "expected a value"),
        ("equals(email,'open)", "unterminated string"),
        ("", "empty filter"),
        ("equals(a,'b') trailing", "unexpected text"),
        ("or(equals(a,'b'),equals(a,'c'))", "or(...) is not supported"),
    ],
)
def test_syntax_errors_say_what_and_where(text, reason):
    with pytest.raises(FilterSyntaxError) as caught:
        parse_filter(text)
    assert reason in str(caught.value)
    assert "position" in str(caught.value)


def test_allowed_filters_from_description_read_both_spacings():
    allowed = rules_from_description(DESCRIPTION)
    assert list(allowed.rules) == ["id", "created", "list_id"]
    assert allowed.rules["id"].list == ("any",) and allowed.rules["id"].single == ("equals",)
    assert allowed.rules["created"].value_format == "date-time"
    assert allowed.rules["list_id"].single == ("equals",)


def test_allowed_filters_from_extension():
    allowed = rules_from_extension(
        {
            "created": {
                "operators": {"single": ["greater-than"]},
                "value": {"type": "string", "format": "date-time"},
            },
            "status": {
                "operators": {"single": ["equals"]},
                "value": {"type": "string", "enum": ["active", "draft"]},
            },
        }
    )
    assert allowed.source == "x-klaviyo-filters"
    assert check_filter(parse_filter("equals(status,'archived')"), allowed) == [
        "`status` compares with one of 'active', 'draft', not 'archived'"
    ]


def test_check_filter_says_what_is_allowed_instead():
    allowed = rules_from_description(DESCRIPTION)
    assert check_filter(parse_filter("greater-than(created,2023-08-10T23:00:00Z)"), allowed) == []
    assert check_filter(parse_filter("less-or-equal(created,2023-08-10T23:00:00Z)"), allowed) == [
        "operator `less-or-equal` is not allowed on `created`; allowed: `greater-than`, `less-than`"
    ]
    assert check_filter(parse_filter("equals(email,'x')"), allowed) == [
        "`email` cannot be filtered on; allowed fields: `id`, `created`, `list_id`"
    ]
    assert check_filter(parse_filter("any(id,'x')"), allowed) == ["`any` on `id` takes a [list] of values"]
    assert check_filter(parse_filter("greater-than(created,'yesterday')"), allowed) == [
        "`created` compares with an unquoted datetime such as 2024-01-01T00:00:00Z, not 'yesterday'"
    ]


def test_example_filter_is_valid_for_its_rules():
    allowed = rules_from_description(DESCRIPTION)
    example = example_filter(allowed)
    assert example == "greater-than(created,2024-01-01T00:00:00Z)"
    assert check_filter(parse_filter(example), allowed) == []


def test_evaluate_filters_records():
    record = {"id": "p1", "email": "a@b.com", "created": "2024-02-01T00:00:00+00:00", "tags": ["vip"]}
    assert evaluate(parse_filter("greater-than(created,2023-08-10T23:00:00Z)")[0], record)
    assert not evaluate(parse_filter("less-than(created,2023-08-10T23:00:00Z)")[0], record)
    assert evaluate(parse_filter("any(id,['p1','p2'])")[0], record)
    assert evaluate(parse_filter("equals(email,'a@b.com')")[0], record)
    assert evaluate(parse_filter("contains(tags,'vip')")[0], record)
    assert not evaluate(parse_filter("starts-with(email,'z')")[0], record)


def test_equals_listed_only_as_a_list_operator_still_takes_one_value():
    """Get Coupon Codes' x-klaviyo-filters lists `equals` on coupon.id under `list`; its own example is
    `equals(coupon.id,'10OFF')`. A single value is a one-element list for `equals`, not for `any`."""
    allowed = rules_from_extension(
        {"coupon.id": {"operators": {"list": ["any", "equals"]}, "value": {"type": "string"}}}
    )
    assert check_filter(parse_filter("equals(coupon.id,'10OFF')"), allowed) == []
    assert check_filter(parse_filter("equals(coupon.id,['10OFF','5OFF'])"), allowed) == []
    assert check_filter(parse_filter("any(coupon.id,'10OFF')"), allowed) == [
        "`any` on `coupon.id` takes a [list] of values"
    ]
