"""A local, stateful, Klaviyo-faithful HTTP server for one spec revision.

`create_app(api, keys=..., data_dir=..., recorder=...)` (in :mod:`postman_kit.sandbox.app`) returns a Starlette
application: key and scope checks, revision resolution, routing from the spec (404/405), query and body
validation, resources that persist under the data directory, rate limits and JSON:API errors. Every call
served is recorded through a :class:`~postman_kit.calls.CallRecorder`.
"""
