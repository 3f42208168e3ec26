from postman_kit.openapi import load_api
from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch
from tests.support.generate import OK, minimal_spec, write_spec


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


def test_a_path_variable_names_a_parameter_and_never_stands_for_a_literal(tmp_path):
    """A fork's `/notes/:note_id/legacy_export` (in no revision) was routed onto `/notes/exports/{export_id}`,
    `:note_id` taken for the literal `exports`, and upgrade rewrote the user's request to call that endpoint."""
    paths = {
        "/notes/{note_id}": {"get": {"operationId": "get_note", "responses": OK}},
        "/notes/exports/{export_id}": {"get": {"operationId": "get_export", "responses": OK}},
    }
    spec = write_spec(tmp_path, minimal_spec(paths), "notes.json")
    index = OperationIndex(load_api(str(spec)))
    for path in ("/notes/:note_id/legacy_export", "/notes/{note_id}/legacy_export"):
        assert index.match("GET", path) is None, path
    # a Postman variable may hold a literal segment: still routed, ranked below a parameter's fit
    found = index.match("GET", "/notes/{{kind}}/e-1")
    assert isinstance(found, RouteMatch) and found.operation.operation_id == "get_export"
    assert index.match("GET", "/notes/exports/:export_id").operation.operation_id == "get_export"


def test_of_paths_of_one_shape_the_one_with_the_method_is_taken(tmp_path):
    """Discourse's `GET /groups/{name}.json` beside `PUT /groups/{id}.json`: a GET was routed to the `{id}` path
    and judged a 405, on the kit's own output."""
    parameter = {"in": "path", "required": True, "schema": {"type": "string"}}
    spec = minimal_spec(
        {
            "/groups/{name}.json": {"get": {"parameters": [{"name": "name", **parameter}], "responses": OK}},
            "/groups/{id}.json": {"put": {"parameters": [{"name": "id", **parameter}], "responses": OK}},
        }
    )
    index = OperationIndex(load_api(str(write_spec(tmp_path, spec, "spec.json"))))
    get, put = index.match("GET", "/groups/staff.json"), index.match("PUT", "/groups/7.json")
    assert isinstance(get, RouteMatch) and get.template == "/groups/{name}.json"
    assert isinstance(put, RouteMatch) and put.template == "/groups/{id}.json"
    assert isinstance(index.match("DELETE", "/groups/7.json"), MethodNotAllowed)
