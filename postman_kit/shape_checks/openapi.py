# Generated from postman_kit/shapes.py by postman_kit.shapes.write_compiled_checks(): do not edit.
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'definitions': {'schema': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'additionalProperties': {'$ref': '#/definitions/schema'}}, 'items': {'anyOf': [{'type': 'array'}, {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}]}, 'additionalProperties': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'allOf': {'type': 'array', 'items': {'$ref': '#/definitions/schema'}}, 'anyOf': {'type': 'array', 'items': {'$ref': '#/definitions/schema'}}, 'oneOf': {'type': 'array', 'items': {'$ref': '#/definitions/schema'}}, 'not': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'schemaMap': {'additionalProperties': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}}, 'schemas': {'type': 'array', 'items': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'type': 'object', 'properties': {'schema': {'$ref': '#/definitions/schema'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'mediaType': {'type': 'object', 'properties': {'schema': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, 'parameter': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'$ref': '#/definitions/mediaType'}}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, 'parameters': {'type': 'array', 'items': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'$ref': '#/definitions/schema'}, 'content': {'$ref': '#/definitions/content'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'securityScheme': {'type': 'object', 'properties': {'type': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': ['string', 'null']}, 'scheme': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'flows': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, 'response': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'$ref': '#/definitions/mediaType'}}}}, 'requestBody': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'$ref': '#/definitions/mediaType'}}}}, 'operation': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'type': 'array', 'items': {'$ref': '#/definitions/parameter'}}, 'requestBody': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}, 'responses': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'pathItem': {'type': 'object', 'properties': {'parameters': {'type': 'array', 'items': {'$ref': '#/definitions/parameter'}}, 'get': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'put': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'post': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'delete': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'options': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'head': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'patch': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'trace': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}}}}, 'type': 'object', 'properties': {'info': {'type': 'object', 'properties': {'title': {'type': ['string', 'number', 'boolean', 'null']}, 'version': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}}}, 'servers': {'type': 'array', 'items': {'type': 'object', 'properties': {'url': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}, 'variables': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'tags': {'type': 'array', 'items': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}}}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}, 'paths': {'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'properties': {'parameters': {'$ref': '#/definitions/parameters'}, 'get': {'$ref': '#/definitions/operation'}, 'put': {'$ref': '#/definitions/operation'}, 'post': {'$ref': '#/definitions/operation'}, 'delete': {'$ref': '#/definitions/operation'}, 'options': {'$ref': '#/definitions/operation'}, 'head': {'$ref': '#/definitions/operation'}, 'patch': {'$ref': '#/definitions/operation'}, 'trace': {'$ref': '#/definitions/operation'}}}}, 'components': {'type': 'object', 'properties': {'securitySchemes': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'type': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': ['string', 'null']}, 'scheme': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'flows': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'parameters': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'$ref': '#/definitions/schema'}, 'content': {'$ref': '#/definitions/content'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'responses': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}}, 'requestBodies': {'type': 'object', 'additionalProperties': {'type': 'object'}}, 'schemas': {'type': 'object', 'additionalProperties': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "info" in data_keys:
            data_keys.remove("info")
            data__info = data["info"]
            if not isinstance(data__info, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".info must be object", value=data__info, name="" + (name_prefix or "data") + ".info", definition={'type': 'object', 'properties': {'title': {'type': ['string', 'number', 'boolean', 'null']}, 'version': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}}}, rule='type')
            data__info_is_dict = isinstance(data__info, dict)
            if data__info_is_dict:
                data__info_keys = set(data__info.keys())
                if "title" in data__info_keys:
                    data__info_keys.remove("title")
                    data__info__title = data__info["title"]
                    if not isinstance(data__info__title, (str, int, float, Decimal, bool, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".info.title must be string or number or boolean or null", value=data__info__title, name="" + (name_prefix or "data") + ".info.title", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                if "version" in data__info_keys:
                    data__info_keys.remove("version")
                    data__info__version = data__info["version"]
                    if not isinstance(data__info__version, (str, int, float, Decimal, bool, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".info.version must be string or number or boolean or null", value=data__info__version, name="" + (name_prefix or "data") + ".info.version", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                if "description" in data__info_keys:
                    data__info_keys.remove("description")
                    data__info__description = data__info["description"]
                    if not isinstance(data__info__description, (str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".info.description must be string or null", value=data__info__description, name="" + (name_prefix or "data") + ".info.description", definition={'type': ['string', 'null']}, rule='type')
        if "servers" in data_keys:
            data_keys.remove("servers")
            data__servers = data["servers"]
            if not isinstance(data__servers, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".servers must be array", value=data__servers, name="" + (name_prefix or "data") + ".servers", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'url': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}, 'variables': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, rule='type')
            data__servers_is_list = isinstance(data__servers, (list, tuple))
            if data__servers_is_list:
                data__servers_len = len(data__servers)
                for data__servers_x, data__servers_item in enumerate(data__servers):
                    if not isinstance(data__servers_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".servers[{data__servers_x}]".format(**locals()) + " must be object", value=data__servers_item, name="" + (name_prefix or "data") + ".servers[{data__servers_x}]".format(**locals()) + "", definition={'type': 'object', 'properties': {'url': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}, 'variables': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, rule='type')
                    data__servers_item_is_dict = isinstance(data__servers_item, dict)
                    if data__servers_item_is_dict:
                        data__servers_item_keys = set(data__servers_item.keys())
                        if "url" in data__servers_item_keys:
                            data__servers_item_keys.remove("url")
                            data__servers_item__url = data__servers_item["url"]
                            if not isinstance(data__servers_item__url, (str, int, float, Decimal, bool, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".servers[{data__servers_x}].url".format(**locals()) + " must be string or number or boolean or null", value=data__servers_item__url, name="" + (name_prefix or "data") + ".servers[{data__servers_x}].url".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                        if "description" in data__servers_item_keys:
                            data__servers_item_keys.remove("description")
                            data__servers_item__description = data__servers_item["description"]
                            if not isinstance(data__servers_item__description, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".servers[{data__servers_x}].description".format(**locals()) + " must be string or null", value=data__servers_item__description, name="" + (name_prefix or "data") + ".servers[{data__servers_x}].description".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                        if "variables" in data__servers_item_keys:
                            data__servers_item_keys.remove("variables")
                            data__servers_item__variables = data__servers_item["variables"]
                            if not isinstance(data__servers_item__variables, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".servers[{data__servers_x}].variables".format(**locals()) + " must be object", value=data__servers_item__variables, name="" + (name_prefix or "data") + ".servers[{data__servers_x}].variables".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': {'type': 'object'}}, rule='type')
                            data__servers_item__variables_is_dict = isinstance(data__servers_item__variables, dict)
                            if data__servers_item__variables_is_dict:
                                data__servers_item__variables_keys = set(data__servers_item__variables.keys())
                                for data__servers_item__variables_key in data__servers_item__variables_keys:
                                    if data__servers_item__variables_key not in []:
                                        data__servers_item__variables_value = data__servers_item__variables.get(data__servers_item__variables_key)
                                        if not isinstance(data__servers_item__variables_value, (dict)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".servers[{data__servers_x}].variables.{data__servers_item__variables_key}".format(**locals()) + " must be object", value=data__servers_item__variables_value, name="" + (name_prefix or "data") + ".servers[{data__servers_x}].variables.{data__servers_item__variables_key}".format(**locals()) + "", definition={'type': 'object'}, rule='type')
        if "tags" in data_keys:
            data_keys.remove("tags")
            data__tags = data["tags"]
            if not isinstance(data__tags, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags must be array", value=data__tags, name="" + (name_prefix or "data") + ".tags", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}}}}, rule='type')
            data__tags_is_list = isinstance(data__tags, (list, tuple))
            if data__tags_is_list:
                data__tags_len = len(data__tags)
                for data__tags_x, data__tags_item in enumerate(data__tags):
                    if not isinstance(data__tags_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + " must be object", value=data__tags_item, name="" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + "", definition={'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'null']}}}, rule='type')
                    data__tags_item_is_dict = isinstance(data__tags_item, dict)
                    if data__tags_item_is_dict:
                        data__tags_item_keys = set(data__tags_item.keys())
                        if "name" in data__tags_item_keys:
                            data__tags_item_keys.remove("name")
                            data__tags_item__name = data__tags_item["name"]
                            if not isinstance(data__tags_item__name, (str, int, float, Decimal, bool, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}].name".format(**locals()) + " must be string or number or boolean or null", value=data__tags_item__name, name="" + (name_prefix or "data") + ".tags[{data__tags_x}].name".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                        if "description" in data__tags_item_keys:
                            data__tags_item_keys.remove("description")
                            data__tags_item__description = data__tags_item["description"]
                            if not isinstance(data__tags_item__description, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}].description".format(**locals()) + " must be string or null", value=data__tags_item__description, name="" + (name_prefix or "data") + ".tags[{data__tags_x}].description".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
        if "security" in data_keys:
            data_keys.remove("security")
            data__security = data["security"]
            if not isinstance(data__security, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".security must be array", value=data__security, name="" + (name_prefix or "data") + ".security", definition={'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}, rule='type')
            data__security_is_list = isinstance(data__security, (list, tuple))
            if data__security_is_list:
                data__security_len = len(data__security)
                for data__security_x, data__security_item in enumerate(data__security):
                    if not isinstance(data__security_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".security[{data__security_x}]".format(**locals()) + " must be object", value=data__security_item, name="" + (name_prefix or "data") + ".security[{data__security_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}, rule='type')
                    data__security_item_is_dict = isinstance(data__security_item, dict)
                    if data__security_item_is_dict:
                        data__security_item_keys = set(data__security_item.keys())
                        for data__security_item_key in data__security_item_keys:
                            if data__security_item_key not in []:
                                data__security_item_value = data__security_item.get(data__security_item_key)
                                if not isinstance(data__security_item_value, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}".format(**locals()) + " must be array", value=data__security_item_value, name="" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
                                data__security_item_value_is_list = isinstance(data__security_item_value, (list, tuple))
                                if data__security_item_value_is_list:
                                    data__security_item_value_len = len(data__security_item_value)
                                    for data__security_item_value_x, data__security_item_value_item in enumerate(data__security_item_value):
                                        if not isinstance(data__security_item_value_item, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}[{data__security_item_value_x}]".format(**locals()) + " must be string", value=data__security_item_value_item, name="" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}[{data__security_item_value_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "paths" in data_keys:
            data_keys.remove("paths")
            data__paths = data["paths"]
            if not isinstance(data__paths, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paths must be object or null", value=data__paths, name="" + (name_prefix or "data") + ".paths", definition={'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'properties': {'parameters': {'$ref': '#/definitions/parameters'}, 'get': {'$ref': '#/definitions/operation'}, 'put': {'$ref': '#/definitions/operation'}, 'post': {'$ref': '#/definitions/operation'}, 'delete': {'$ref': '#/definitions/operation'}, 'options': {'$ref': '#/definitions/operation'}, 'head': {'$ref': '#/definitions/operation'}, 'patch': {'$ref': '#/definitions/operation'}, 'trace': {'$ref': '#/definitions/operation'}}}}, rule='type')
            data__paths_is_dict = isinstance(data__paths, dict)
            if data__paths_is_dict:
                data__paths_keys = set(data__paths.keys())
                for data__paths_key in data__paths_keys:
                    if data__paths_key not in []:
                        data__paths_value = data__paths.get(data__paths_key)
                        validate___definitions_pathitem(data__paths_value, custom_formats, (name_prefix or "data") + ".paths.{data__paths_key}".format(**locals()))
        if "components" in data_keys:
            data_keys.remove("components")
            data__components = data["components"]
            if not isinstance(data__components, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".components must be object", value=data__components, name="" + (name_prefix or "data") + ".components", definition={'type': 'object', 'properties': {'securitySchemes': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'type': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': ['string', 'null']}, 'scheme': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'flows': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'parameters': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'$ref': '#/definitions/schema'}, 'content': {'$ref': '#/definitions/content'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, 'responses': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}}, 'requestBodies': {'type': 'object', 'additionalProperties': {'type': 'object'}}, 'schemas': {'type': 'object', 'additionalProperties': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}}}}, rule='type')
            data__components_is_dict = isinstance(data__components, dict)
            if data__components_is_dict:
                data__components_keys = set(data__components.keys())
                if "securitySchemes" in data__components_keys:
                    data__components_keys.remove("securitySchemes")
                    data__components__securitySchemes = data__components["securitySchemes"]
                    if not isinstance(data__components__securitySchemes, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".components.securitySchemes must be object", value=data__components__securitySchemes, name="" + (name_prefix or "data") + ".components.securitySchemes", definition={'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'type': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': ['string', 'null']}, 'scheme': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'flows': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, rule='type')
                    data__components__securitySchemes_is_dict = isinstance(data__components__securitySchemes, dict)
                    if data__components__securitySchemes_is_dict:
                        data__components__securitySchemes_keys = set(data__components__securitySchemes.keys())
                        for data__components__securitySchemes_key in data__components__securitySchemes_keys:
                            if data__components__securitySchemes_key not in []:
                                data__components__securitySchemes_value = data__components__securitySchemes.get(data__components__securitySchemes_key)
                                validate___definitions_securityscheme(data__components__securitySchemes_value, custom_formats, (name_prefix or "data") + ".components.securitySchemes.{data__components__securitySchemes_key}".format(**locals()))
                if "parameters" in data__components_keys:
                    data__components_keys.remove("parameters")
                    data__components__parameters = data__components["parameters"]
                    if not isinstance(data__components__parameters, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".components.parameters must be object", value=data__components__parameters, name="" + (name_prefix or "data") + ".components.parameters", definition={'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'$ref': '#/definitions/schema'}, 'content': {'$ref': '#/definitions/content'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, rule='type')
                    data__components__parameters_is_dict = isinstance(data__components__parameters, dict)
                    if data__components__parameters_is_dict:
                        data__components__parameters_keys = set(data__components__parameters.keys())
                        for data__components__parameters_key in data__components__parameters_keys:
                            if data__components__parameters_key not in []:
                                data__components__parameters_value = data__components__parameters.get(data__components__parameters_key)
                                validate___definitions_parameter(data__components__parameters_value, custom_formats, (name_prefix or "data") + ".components.parameters.{data__components__parameters_key}".format(**locals()))
                if "responses" in data__components_keys:
                    data__components_keys.remove("responses")
                    data__components__responses = data__components["responses"]
                    if not isinstance(data__components__responses, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".components.responses must be object", value=data__components__responses, name="" + (name_prefix or "data") + ".components.responses", definition={'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}}, rule='type')
                    data__components__responses_is_dict = isinstance(data__components__responses, dict)
                    if data__components__responses_is_dict:
                        data__components__responses_keys = set(data__components__responses.keys())
                        for data__components__responses_key in data__components__responses_keys:
                            if data__components__responses_key not in []:
                                data__components__responses_value = data__components__responses.get(data__components__responses_key)
                                validate___definitions_response(data__components__responses_value, custom_formats, (name_prefix or "data") + ".components.responses.{data__components__responses_key}".format(**locals()))
                if "requestBodies" in data__components_keys:
                    data__components_keys.remove("requestBodies")
                    data__components__requestBodies = data__components["requestBodies"]
                    if not isinstance(data__components__requestBodies, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".components.requestBodies must be object", value=data__components__requestBodies, name="" + (name_prefix or "data") + ".components.requestBodies", definition={'type': 'object', 'additionalProperties': {'type': 'object'}}, rule='type')
                    data__components__requestBodies_is_dict = isinstance(data__components__requestBodies, dict)
                    if data__components__requestBodies_is_dict:
                        data__components__requestBodies_keys = set(data__components__requestBodies.keys())
                        for data__components__requestBodies_key in data__components__requestBodies_keys:
                            if data__components__requestBodies_key not in []:
                                data__components__requestBodies_value = data__components__requestBodies.get(data__components__requestBodies_key)
                                if not isinstance(data__components__requestBodies_value, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".components.requestBodies.{data__components__requestBodies_key}".format(**locals()) + " must be object", value=data__components__requestBodies_value, name="" + (name_prefix or "data") + ".components.requestBodies.{data__components__requestBodies_key}".format(**locals()) + "", definition={'type': 'object'}, rule='type')
                if "schemas" in data__components_keys:
                    data__components_keys.remove("schemas")
                    data__components__schemas = data__components["schemas"]
                    if not isinstance(data__components__schemas, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".components.schemas must be object", value=data__components__schemas, name="" + (name_prefix or "data") + ".components.schemas", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}}, rule='type')
                    data__components__schemas_is_dict = isinstance(data__components__schemas, dict)
                    if data__components__schemas_is_dict:
                        data__components__schemas_keys = set(data__components__schemas.keys())
                        for data__components__schemas_key in data__components__schemas_keys:
                            if data__components__schemas_key not in []:
                                data__components__schemas_value = data__components__schemas.get(data__components__schemas_key)
                                validate___definitions_schema(data__components__schemas_value, custom_formats, (name_prefix or "data") + ".components.schemas.{data__components__schemas_key}".format(**locals()))
    return data

def validate___definitions_schema(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict, bool)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object or boolean", value=data, name="" + (name_prefix or "data") + "", definition={'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'additionalProperties': {'$ref': '#/definitions/schema'}}, 'items': {'anyOf': [{'type': 'array'}, {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}]}, 'additionalProperties': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'allOf': {'type': 'array', 'items': {'$ref': '#/definitions/schema'}}, 'anyOf': {'type': 'array', 'items': {'$ref': '#/definitions/schema'}}, 'oneOf': {'type': 'array', 'items': {'$ref': '#/definitions/schema'}}, 'not': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            if not isinstance(data__type, (str, list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be string or array", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'type': ['string', 'array'], 'items': {'type': 'string'}}, rule='type')
            data__type_is_list = isinstance(data__type, (list, tuple))
            if data__type_is_list:
                data__type_len = len(data__type)
                for data__type_x, data__type_item in enumerate(data__type):
                    if not isinstance(data__type_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".type[{data__type_x}]".format(**locals()) + " must be string", value=data__type_item, name="" + (name_prefix or "data") + ".type[{data__type_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "required" in data_keys:
            data_keys.remove("required")
            data__required = data["required"]
            if not isinstance(data__required, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".required must be array", value=data__required, name="" + (name_prefix or "data") + ".required", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__required_is_list = isinstance(data__required, (list, tuple))
            if data__required_is_list:
                data__required_len = len(data__required)
                for data__required_x, data__required_item in enumerate(data__required):
                    if not isinstance(data__required_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".required[{data__required_x}]".format(**locals()) + " must be string", value=data__required_item, name="" + (name_prefix or "data") + ".required[{data__required_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "properties" in data_keys:
            data_keys.remove("properties")
            data__properties = data["properties"]
            validate___definitions_schemamap(data__properties, custom_formats, (name_prefix or "data") + ".properties")
        if "items" in data_keys:
            data_keys.remove("items")
            data__items = data["items"]
            data__items_any_of_count1 = 0
            if not data__items_any_of_count1:
                try:
                    if not isinstance(data__items, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".items must be array", value=data__items, name="" + (name_prefix or "data") + ".items", definition={'type': 'array'}, rule='type')
                    data__items_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__items_any_of_count1:
                try:
                    validate___definitions_schema(data__items, custom_formats, (name_prefix or "data") + ".items")
                    data__items_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__items_any_of_count1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".items cannot be validated by any definition", value=data__items, name="" + (name_prefix or "data") + ".items", definition={'anyOf': [{'type': 'array'}, {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}]}, rule='anyOf')
        if "additionalProperties" in data_keys:
            data_keys.remove("additionalProperties")
            data__additionalProperties = data["additionalProperties"]
            validate___definitions_schema(data__additionalProperties, custom_formats, (name_prefix or "data") + ".additionalProperties")
        if "allOf" in data_keys:
            data_keys.remove("allOf")
            data__allOf = data["allOf"]
            validate___definitions_schemas(data__allOf, custom_formats, (name_prefix or "data") + ".allOf")
        if "anyOf" in data_keys:
            data_keys.remove("anyOf")
            data__anyOf = data["anyOf"]
            validate___definitions_schemas(data__anyOf, custom_formats, (name_prefix or "data") + ".anyOf")
        if "oneOf" in data_keys:
            data_keys.remove("oneOf")
            data__oneOf = data["oneOf"]
            validate___definitions_schemas(data__oneOf, custom_formats, (name_prefix or "data") + ".oneOf")
        if "not" in data_keys:
            data_keys.remove("not")
            data__not = data["not"]
            validate___definitions_schema(data__not, custom_formats, (name_prefix or "data") + ".not")
        if "enum" in data_keys:
            data_keys.remove("enum")
            data__enum = data["enum"]
            if not isinstance(data__enum, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".enum must be array", value=data__enum, name="" + (name_prefix or "data") + ".enum", definition={'type': 'array'}, rule='type')
        if "$ref" in data_keys:
            data_keys.remove("$ref")
            data__ref = data["$ref"]
            if not isinstance(data__ref, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".$ref must be string", value=data__ref, name="" + (name_prefix or "data") + ".$ref", definition={'type': 'string'}, rule='type')
        if "nullable" in data_keys:
            data_keys.remove("nullable")
            data__nullable = data["nullable"]
            if not isinstance(data__nullable, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nullable must be boolean", value=data__nullable, name="" + (name_prefix or "data") + ".nullable", definition={'type': 'boolean'}, rule='type')
        if "format" in data_keys:
            data_keys.remove("format")
            data__format = data["format"]
            if not isinstance(data__format, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".format must be string", value=data__format, name="" + (name_prefix or "data") + ".format", definition={'type': 'string'}, rule='type')
        if "pattern" in data_keys:
            data_keys.remove("pattern")
            data__pattern = data["pattern"]
            if not isinstance(data__pattern, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pattern must be string", value=data__pattern, name="" + (name_prefix or "data") + ".pattern", definition={'type': 'string'}, rule='type')
    return data

def validate___definitions_schemas(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'items': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate___definitions_schema(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
    return data

def validate___definitions_schemamap(data, custom_formats={}, name_prefix=None):
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        for data_key in data_keys:
            if data_key not in []:
                data_value = data.get(data_key)
                validate___definitions_schema(data_value, custom_formats, (name_prefix or "data") + ".{data_key}".format(**locals()))
    return data

def validate___definitions_response(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'$ref': '#/definitions/mediaType'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string or null", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': ['string', 'null']}, rule='type')
        if "content" in data_keys:
            data_keys.remove("content")
            data__content = data["content"]
            validate___definitions_content(data__content, custom_formats, (name_prefix or "data") + ".content")
    return data

def validate___definitions_content(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'type': 'object', 'properties': {'schema': {'$ref': '#/definitions/schema'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "$ref" in data_keys:
            data_keys.remove("$ref")
            data__ref = data["$ref"]
            if not isinstance(data__ref, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".$ref must be string", value=data__ref, name="" + (name_prefix or "data") + ".$ref", definition={'type': 'string'}, rule='type')
        for data_key in data_keys:
            if data_key not in ['$ref']:
                data_value = data.get(data_key)
                validate___definitions_mediatype(data_value, custom_formats, (name_prefix or "data") + ".{data_key}".format(**locals()))
    return data

def validate___definitions_mediatype(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'schema': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            validate___definitions_schema(data__schema, custom_formats, (name_prefix or "data") + ".schema")
        if "examples" in data_keys:
            data_keys.remove("examples")
            data__examples = data["examples"]
            if not isinstance(data__examples, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".examples must be object", value=data__examples, name="" + (name_prefix or "data") + ".examples", definition={'type': 'object', 'additionalProperties': {'type': 'object'}}, rule='type')
            data__examples_is_dict = isinstance(data__examples, dict)
            if data__examples_is_dict:
                data__examples_keys = set(data__examples.keys())
                for data__examples_key in data__examples_keys:
                    if data__examples_key not in []:
                        data__examples_value = data__examples.get(data__examples_key)
                        if not isinstance(data__examples_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".examples.{data__examples_key}".format(**locals()) + " must be object", value=data__examples_value, name="" + (name_prefix or "data") + ".examples.{data__examples_key}".format(**locals()) + "", definition={'type': 'object'}, rule='type')
    return data

def validate___definitions_parameter(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'type': ['object', 'boolean'], 'properties': {'type': {'type': ['string', 'array'], 'items': {'type': 'string'}}, 'required': {'type': 'array', 'items': {'type': 'string'}}, 'properties': {'$ref': '#/definitions/schemaMap'}, 'items': {'anyOf': [{'type': 'array'}, {'$ref': '#/definitions/schema'}]}, 'additionalProperties': {'$ref': '#/definitions/schema'}, 'allOf': {'$ref': '#/definitions/schemas'}, 'anyOf': {'$ref': '#/definitions/schemas'}, 'oneOf': {'$ref': '#/definitions/schemas'}, 'not': {'$ref': '#/definitions/schema'}, 'enum': {'type': 'array'}, '$ref': {'type': 'string'}, 'nullable': {'type': 'boolean'}, 'format': {'type': 'string'}, 'pattern': {'type': 'string'}}}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'$ref': '#/definitions/mediaType'}}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string or number or boolean or null", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "in" in data_keys:
            data_keys.remove("in")
            data__in = data["in"]
            if not isinstance(data__in, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".in must be string", value=data__in, name="" + (name_prefix or "data") + ".in", definition={'type': 'string'}, rule='type')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string or null", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': ['string', 'null']}, rule='type')
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            validate___definitions_schema(data__schema, custom_formats, (name_prefix or "data") + ".schema")
        if "content" in data_keys:
            data_keys.remove("content")
            data__content = data["content"]
            validate___definitions_content(data__content, custom_formats, (name_prefix or "data") + ".content")
        if "examples" in data_keys:
            data_keys.remove("examples")
            data__examples = data["examples"]
            if not isinstance(data__examples, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".examples must be object", value=data__examples, name="" + (name_prefix or "data") + ".examples", definition={'type': 'object', 'additionalProperties': {'type': 'object'}}, rule='type')
            data__examples_is_dict = isinstance(data__examples, dict)
            if data__examples_is_dict:
                data__examples_keys = set(data__examples.keys())
                for data__examples_key in data__examples_keys:
                    if data__examples_key not in []:
                        data__examples_value = data__examples.get(data__examples_key)
                        if not isinstance(data__examples_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".examples.{data__examples_key}".format(**locals()) + " must be object", value=data__examples_value, name="" + (name_prefix or "data") + ".examples.{data__examples_key}".format(**locals()) + "", definition={'type': 'object'}, rule='type')
    return data

def validate___definitions_securityscheme(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'type': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': ['string', 'null']}, 'scheme': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'flows': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            if not isinstance(data__type, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be string or number or boolean or null", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string or number or boolean or null", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "in" in data_keys:
            data_keys.remove("in")
            data__in = data["in"]
            if not isinstance(data__in, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".in must be string or null", value=data__in, name="" + (name_prefix or "data") + ".in", definition={'type': ['string', 'null']}, rule='type')
        if "scheme" in data_keys:
            data_keys.remove("scheme")
            data__scheme = data["scheme"]
            if not isinstance(data__scheme, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".scheme must be string or null", value=data__scheme, name="" + (name_prefix or "data") + ".scheme", definition={'type': ['string', 'null']}, rule='type')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string or null", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': ['string', 'null']}, rule='type')
        if "flows" in data_keys:
            data_keys.remove("flows")
            data__flows = data["flows"]
            if not isinstance(data__flows, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".flows must be object", value=data__flows, name="" + (name_prefix or "data") + ".flows", definition={'type': 'object', 'additionalProperties': {'type': 'object'}}, rule='type')
            data__flows_is_dict = isinstance(data__flows, dict)
            if data__flows_is_dict:
                data__flows_keys = set(data__flows.keys())
                for data__flows_key in data__flows_keys:
                    if data__flows_key not in []:
                        data__flows_value = data__flows.get(data__flows_key)
                        if not isinstance(data__flows_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".flows.{data__flows_key}".format(**locals()) + " must be object", value=data__flows_value, name="" + (name_prefix or "data") + ".flows.{data__flows_key}".format(**locals()) + "", definition={'type': 'object'}, rule='type')
    return data

def validate___definitions_pathitem(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'parameters': {'type': 'array', 'items': {'$ref': '#/definitions/parameter'}}, 'get': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'put': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'post': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'delete': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'options': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'head': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'patch': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, 'trace': {'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'$ref': '#/definitions/parameters'}, 'requestBody': {'$ref': '#/definitions/requestBody'}, 'responses': {'type': 'object', 'additionalProperties': {'$ref': '#/definitions/response'}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "parameters" in data_keys:
            data_keys.remove("parameters")
            data__parameters = data["parameters"]
            validate___definitions_parameters(data__parameters, custom_formats, (name_prefix or "data") + ".parameters")
        if "get" in data_keys:
            data_keys.remove("get")
            data__get = data["get"]
            validate___definitions_operation(data__get, custom_formats, (name_prefix or "data") + ".get")
        if "put" in data_keys:
            data_keys.remove("put")
            data__put = data["put"]
            validate___definitions_operation(data__put, custom_formats, (name_prefix or "data") + ".put")
        if "post" in data_keys:
            data_keys.remove("post")
            data__post = data["post"]
            validate___definitions_operation(data__post, custom_formats, (name_prefix or "data") + ".post")
        if "delete" in data_keys:
            data_keys.remove("delete")
            data__delete = data["delete"]
            validate___definitions_operation(data__delete, custom_formats, (name_prefix or "data") + ".delete")
        if "options" in data_keys:
            data_keys.remove("options")
            data__options = data["options"]
            validate___definitions_operation(data__options, custom_formats, (name_prefix or "data") + ".options")
        if "head" in data_keys:
            data_keys.remove("head")
            data__head = data["head"]
            validate___definitions_operation(data__head, custom_formats, (name_prefix or "data") + ".head")
        if "patch" in data_keys:
            data_keys.remove("patch")
            data__patch = data["patch"]
            validate___definitions_operation(data__patch, custom_formats, (name_prefix or "data") + ".patch")
        if "trace" in data_keys:
            data_keys.remove("trace")
            data__trace = data["trace"]
            validate___definitions_operation(data__trace, custom_formats, (name_prefix or "data") + ".trace")
    return data

def validate___definitions_operation(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'tags': {'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'summary': {'type': ['string', 'null']}, 'description': {'type': ['string', 'null']}, 'operationId': {'type': ['string', 'number', 'boolean', 'null']}, 'parameters': {'type': 'array', 'items': {'$ref': '#/definitions/parameter'}}, 'requestBody': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}, 'responses': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}}, 'security': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "tags" in data_keys:
            data_keys.remove("tags")
            data__tags = data["tags"]
            if not isinstance(data__tags, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags must be array", value=data__tags, name="" + (name_prefix or "data") + ".tags", definition={'type': 'array', 'items': {'type': ['string', 'number', 'boolean', 'null']}}, rule='type')
            data__tags_is_list = isinstance(data__tags, (list, tuple))
            if data__tags_is_list:
                data__tags_len = len(data__tags)
                for data__tags_x, data__tags_item in enumerate(data__tags):
                    if not isinstance(data__tags_item, (str, int, float, Decimal, bool, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + " must be string or number or boolean or null", value=data__tags_item, name="" + (name_prefix or "data") + ".tags[{data__tags_x}]".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            if not isinstance(data__summary, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string or null", value=data__summary, name="" + (name_prefix or "data") + ".summary", definition={'type': ['string', 'null']}, rule='type')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string or null", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': ['string', 'null']}, rule='type')
        if "operationId" in data_keys:
            data_keys.remove("operationId")
            data__operationId = data["operationId"]
            if not isinstance(data__operationId, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".operationId must be string or number or boolean or null", value=data__operationId, name="" + (name_prefix or "data") + ".operationId", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "parameters" in data_keys:
            data_keys.remove("parameters")
            data__parameters = data["parameters"]
            validate___definitions_parameters(data__parameters, custom_formats, (name_prefix or "data") + ".parameters")
        if "requestBody" in data_keys:
            data_keys.remove("requestBody")
            data__requestBody = data["requestBody"]
            validate___definitions_requestbody(data__requestBody, custom_formats, (name_prefix or "data") + ".requestBody")
        if "responses" in data_keys:
            data_keys.remove("responses")
            data__responses = data["responses"]
            if not isinstance(data__responses, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responses must be object", value=data__responses, name="" + (name_prefix or "data") + ".responses", definition={'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'$ref': '#/definitions/content'}}}}, rule='type')
            data__responses_is_dict = isinstance(data__responses, dict)
            if data__responses_is_dict:
                data__responses_keys = set(data__responses.keys())
                for data__responses_key in data__responses_keys:
                    if data__responses_key not in []:
                        data__responses_value = data__responses.get(data__responses_key)
                        validate___definitions_response(data__responses_value, custom_formats, (name_prefix or "data") + ".responses.{data__responses_key}".format(**locals()))
        if "security" in data_keys:
            data_keys.remove("security")
            data__security = data["security"]
            if not isinstance(data__security, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".security must be array", value=data__security, name="" + (name_prefix or "data") + ".security", definition={'type': 'array', 'items': {'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}}, rule='type')
            data__security_is_list = isinstance(data__security, (list, tuple))
            if data__security_is_list:
                data__security_len = len(data__security)
                for data__security_x, data__security_item in enumerate(data__security):
                    if not isinstance(data__security_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".security[{data__security_x}]".format(**locals()) + " must be object", value=data__security_item, name="" + (name_prefix or "data") + ".security[{data__security_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}}, rule='type')
                    data__security_item_is_dict = isinstance(data__security_item, dict)
                    if data__security_item_is_dict:
                        data__security_item_keys = set(data__security_item.keys())
                        for data__security_item_key in data__security_item_keys:
                            if data__security_item_key not in []:
                                data__security_item_value = data__security_item.get(data__security_item_key)
                                if not isinstance(data__security_item_value, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}".format(**locals()) + " must be array", value=data__security_item_value, name="" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
                                data__security_item_value_is_list = isinstance(data__security_item_value, (list, tuple))
                                if data__security_item_value_is_list:
                                    data__security_item_value_len = len(data__security_item_value)
                                    for data__security_item_value_x, data__security_item_value_item in enumerate(data__security_item_value):
                                        if not isinstance(data__security_item_value_item, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}[{data__security_item_value_x}]".format(**locals()) + " must be string", value=data__security_item_value_item, name="" + (name_prefix or "data") + ".security[{data__security_x}].{data__security_item_key}[{data__security_item_value_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
    return data

def validate___definitions_requestbody(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'description': {'type': ['string', 'null']}, 'content': {'type': 'object', 'properties': {'$ref': {'type': 'string'}}, 'additionalProperties': {'$ref': '#/definitions/mediaType'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string or null", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': ['string', 'null']}, rule='type')
        if "content" in data_keys:
            data_keys.remove("content")
            data__content = data["content"]
            validate___definitions_content(data__content, custom_formats, (name_prefix or "data") + ".content")
    return data

def validate___definitions_parameters(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'in': {'type': 'string'}, 'description': {'type': ['string', 'null']}, 'schema': {'$ref': '#/definitions/schema'}, 'content': {'$ref': '#/definitions/content'}, 'examples': {'type': 'object', 'additionalProperties': {'type': 'object'}}}}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate___definitions_parameter(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
    return data