from postman_kit.openapi import load_api
from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch


def _index(example_spec):
    return OperationIndex(load_api(str(example_spec)))


def test_concrete_and_templated_paths_route_to_one_operation(example_spec):
    index = _index(example_spec)
    for path in (
        "/api/profiles/01ABC",
        "/api/profiles/01ABC/",
        "/api/profiles/:id",
        "/api/profiles/{{profileId}}",
    ):
        found = index.match("GET", path)
        assert isinstance(found, RouteMatch), path
        assert found.operation.operation_id == "get_profile"
        assert found.template == "/api/profiles/{id}"
    assert index.match("GET", "/api/profiles/01ABC").path_params == {"id": "01ABC"}


def test_literal_segments_beat_parameters(example_spec):
    found = _index(example_spec).match("GET", "/api/profiles/01ABC/relationships/lists")
    assert found.operation.operation_id == "get_list_ids_for_profile"


def test_missing_method_is_a_405_and_unknown_path_none(example_spec):
    index = _index(example_spec)
    assert index.match("DELETE", "/api/events") == MethodNotAllowed("/api/events", ("GET", "POST"))
    assert index.match("GET", "/api/nothing-here") is None
    assert index.match_segments("GET", ["api", "lists", ":id"]).operation.operation_id == "get_list"
