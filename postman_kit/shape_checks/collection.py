# Generated from postman_kit/shapes.py by postman_kit.shapes.write_compiled_checks(): do not edit.
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'definitions': {'node': {'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'$ref': '#/definitions/node'}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}}, 'type': 'object', 'properties': {'info': {'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'item': {'type': 'array', 'items': {'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'$ref': '#/definitions/node'}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "info" in data_keys:
            data_keys.remove("info")
            data__info = data["info"]
            if not isinstance(data__info, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".info must be object", value=data__info, name="" + (name_prefix or "data") + ".info", definition={'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, rule='type')
            data__info_is_dict = isinstance(data__info, dict)
            if data__info_is_dict:
                data__info_keys = set(data__info.keys())
                if "name" in data__info_keys:
                    data__info_keys.remove("name")
                    data__info__name = data__info["name"]
                    if not isinstance(data__info__name, (str, int, float, Decimal, bool, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".info.name must be string or number or boolean or null", value=data__info__name, name="" + (name_prefix or "data") + ".info.name", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                if "description" in data__info_keys:
                    data__info_keys.remove("description")
                    data__info__description = data__info["description"]
                    if not isinstance(data__info__description, (str, dict, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".info.description must be string or object or null", value=data__info__description, name="" + (name_prefix or "data") + ".info.description", definition={'type': ['string', 'object', 'null']}, rule='type')
        if "item" in data_keys:
            data_keys.remove("item")
            data__item = data["item"]
            if not isinstance(data__item, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".item must be array", value=data__item, name="" + (name_prefix or "data") + ".item", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'$ref': '#/definitions/node'}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}}, rule='type')
            data__item_is_list = isinstance(data__item, (list, tuple))
            if data__item_is_list:
                data__item_len = len(data__item)
                for data__item_x, data__item_item in enumerate(data__item):
                    validate___definitions_node(data__item_item, custom_formats, (name_prefix or "data") + ".item[{data__item_x}]".format(**locals()))
        if "variable" in data_keys:
            data_keys.remove("variable")
            data__variable = data["variable"]
            if not isinstance(data__variable, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".variable must be array", value=data__variable, name="" + (name_prefix or "data") + ".variable", definition={'type': 'array', 'items': {'type': ['object', 'string']}}, rule='type')
            data__variable_is_list = isinstance(data__variable, (list, tuple))
            if data__variable_is_list:
                data__variable_len = len(data__variable)
                for data__variable_x, data__variable_item in enumerate(data__variable):
                    if not isinstance(data__variable_item, (dict, str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".variable[{data__variable_x}]".format(**locals()) + " must be object or string", value=data__variable_item, name="" + (name_prefix or "data") + ".variable[{data__variable_x}]".format(**locals()) + "", definition={'type': ['object', 'string']}, rule='type')
        if "auth" in data_keys:
            data_keys.remove("auth")
            data__auth = data["auth"]
            if not isinstance(data__auth, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".auth must be object or null", value=data__auth, name="" + (name_prefix or "data") + ".auth", definition={'type': ['object', 'null']}, rule='type')
        if "event" in data_keys:
            data_keys.remove("event")
            data__event = data["event"]
            if not isinstance(data__event, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".event must be array", value=data__event, name="" + (name_prefix or "data") + ".event", definition={'type': 'array', 'items': {'type': 'object'}}, rule='type')
            data__event_is_list = isinstance(data__event, (list, tuple))
            if data__event_is_list:
                data__event_len = len(data__event)
                for data__event_x, data__event_item in enumerate(data__event):
                    if not isinstance(data__event_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".event[{data__event_x}]".format(**locals()) + " must be object", value=data__event_item, name="" + (name_prefix or "data") + ".event[{data__event_x}]".format(**locals()) + "", definition={'type': 'object'}, rule='type')
    return data

def validate___definitions_node(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'$ref': '#/definitions/node'}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string or number or boolean or null", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string or number or boolean or null", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "item" in data_keys:
            data_keys.remove("item")
            data__item = data["item"]
            if not isinstance(data__item, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".item must be array", value=data__item, name="" + (name_prefix or "data") + ".item", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'id': {'type': ['string', 'number', 'boolean', 'null']}, 'name': {'type': ['string', 'number', 'boolean', 'null']}, 'item': {'type': 'array', 'items': {'$ref': '#/definitions/node'}}, 'request': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'response': {'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': ['object', 'string']}}, 'auth': {'type': ['object', 'null']}, 'event': {'type': 'array', 'items': {'type': 'object'}}, 'description': {'type': ['string', 'object', 'null']}}}}, rule='type')
            data__item_is_list = isinstance(data__item, (list, tuple))
            if data__item_is_list:
                data__item_len = len(data__item)
                for data__item_x, data__item_item in enumerate(data__item):
                    validate___definitions_node(data__item_item, custom_formats, (name_prefix or "data") + ".item[{data__item_x}]".format(**locals()))
        if "request" in data_keys:
            data_keys.remove("request")
            data__request = data["request"]
            if not isinstance(data__request, (dict, str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request must be object or string", value=data__request, name="" + (name_prefix or "data") + ".request", definition={'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, rule='type')
            data__request_is_dict = isinstance(data__request, dict)
            if data__request_is_dict:
                data__request_keys = set(data__request.keys())
                if "url" in data__request_keys:
                    data__request_keys.remove("url")
                    data__request__url = data__request["url"]
                    if not isinstance(data__request__url, (dict, str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url must be object or string", value=data__request__url, name="" + (name_prefix or "data") + ".request.url", definition={'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, rule='type')
                    data__request__url_is_dict = isinstance(data__request__url, dict)
                    if data__request__url_is_dict:
                        data__request__url_keys = set(data__request__url.keys())
                        if "raw" in data__request__url_keys:
                            data__request__url_keys.remove("raw")
                            data__request__url__raw = data__request__url["raw"]
                            if not isinstance(data__request__url__raw, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.raw must be string or null", value=data__request__url__raw, name="" + (name_prefix or "data") + ".request.url.raw", definition={'type': ['string', 'null']}, rule='type')
                        if "host" in data__request__url_keys:
                            data__request__url_keys.remove("host")
                            data__request__url__host = data__request__url["host"]
                            if not isinstance(data__request__url__host, (list, tuple, str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.host must be array or string", value=data__request__url__host, name="" + (name_prefix or "data") + ".request.url.host", definition={'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, rule='type')
                            data__request__url__host_is_list = isinstance(data__request__url__host, (list, tuple))
                            if data__request__url__host_is_list:
                                data__request__url__host_len = len(data__request__url__host)
                                for data__request__url__host_x, data__request__url__host_item in enumerate(data__request__url__host):
                                    if not isinstance(data__request__url__host_item, (str, int, float, Decimal, bool, NoneType)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.host[{data__request__url__host_x}]".format(**locals()) + " must be string or number or boolean or null", value=data__request__url__host_item, name="" + (name_prefix or "data") + ".request.url.host[{data__request__url__host_x}]".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                        if "path" in data__request__url_keys:
                            data__request__url_keys.remove("path")
                            data__request__url__path = data__request__url["path"]
                            if not isinstance(data__request__url__path, (list, tuple, str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.path must be array or string", value=data__request__url__path, name="" + (name_prefix or "data") + ".request.url.path", definition={'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, rule='type')
                            data__request__url__path_is_list = isinstance(data__request__url__path, (list, tuple))
                            if data__request__url__path_is_list:
                                data__request__url__path_len = len(data__request__url__path)
                                for data__request__url__path_x, data__request__url__path_item in enumerate(data__request__url__path):
                                    if not isinstance(data__request__url__path_item, (str, dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.path[{data__request__url__path_x}]".format(**locals()) + " must be string or object", value=data__request__url__path_item, name="" + (name_prefix or "data") + ".request.url.path[{data__request__url__path_x}]".format(**locals()) + "", definition={'type': ['string', 'object']}, rule='type')
                        if "query" in data__request__url_keys:
                            data__request__url_keys.remove("query")
                            data__request__url__query = data__request__url["query"]
                            if not isinstance(data__request__url__query, (list, tuple, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.query must be array or null", value=data__request__url__query, name="" + (name_prefix or "data") + ".request.url.query", definition={'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, rule='type')
                            data__request__url__query_is_list = isinstance(data__request__url__query, (list, tuple))
                            if data__request__url__query_is_list:
                                data__request__url__query_len = len(data__request__url__query)
                                for data__request__url__query_x, data__request__url__query_item in enumerate(data__request__url__query):
                                    if not isinstance(data__request__url__query_item, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.query[{data__request__url__query_x}]".format(**locals()) + " must be object", value=data__request__url__query_item, name="" + (name_prefix or "data") + ".request.url.query[{data__request__url__query_x}]".format(**locals()) + "", definition={'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}, rule='type')
                                    data__request__url__query_item_is_dict = isinstance(data__request__url__query_item, dict)
                                    if data__request__url__query_item_is_dict:
                                        data__request__url__query_item_keys = set(data__request__url__query_item.keys())
                                        if "key" in data__request__url__query_item_keys:
                                            data__request__url__query_item_keys.remove("key")
                                            data__request__url__query_item__key = data__request__url__query_item["key"]
                                            if not isinstance(data__request__url__query_item__key, (str, int, float, Decimal, bool, NoneType)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.query[{data__request__url__query_x}].key".format(**locals()) + " must be string or number or boolean or null", value=data__request__url__query_item__key, name="" + (name_prefix or "data") + ".request.url.query[{data__request__url__query_x}].key".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                                        if "value" in data__request__url__query_item_keys:
                                            data__request__url__query_item_keys.remove("value")
                                            data__request__url__query_item__value = data__request__url__query_item["value"]
                                            if not isinstance(data__request__url__query_item__value, (str, int, float, Decimal, bool, NoneType)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.query[{data__request__url__query_x}].value".format(**locals()) + " must be string or number or boolean or null", value=data__request__url__query_item__value, name="" + (name_prefix or "data") + ".request.url.query[{data__request__url__query_x}].value".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                        if "variable" in data__request__url_keys:
                            data__request__url_keys.remove("variable")
                            data__request__url__variable = data__request__url["variable"]
                            if not isinstance(data__request__url__variable, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.variable must be array", value=data__request__url__variable, name="" + (name_prefix or "data") + ".request.url.variable", definition={'type': 'array', 'items': {'type': 'object'}}, rule='type')
                            data__request__url__variable_is_list = isinstance(data__request__url__variable, (list, tuple))
                            if data__request__url__variable_is_list:
                                data__request__url__variable_len = len(data__request__url__variable)
                                for data__request__url__variable_x, data__request__url__variable_item in enumerate(data__request__url__variable):
                                    if not isinstance(data__request__url__variable_item, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.url.variable[{data__request__url__variable_x}]".format(**locals()) + " must be object", value=data__request__url__variable_item, name="" + (name_prefix or "data") + ".request.url.variable[{data__request__url__variable_x}]".format(**locals()) + "", definition={'type': 'object'}, rule='type')
                if "method" in data__request_keys:
                    data__request_keys.remove("method")
                    data__request__method = data__request["method"]
                    if not isinstance(data__request__method, (str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.method must be string or null", value=data__request__method, name="" + (name_prefix or "data") + ".request.method", definition={'type': ['string', 'null']}, rule='type')
                if "header" in data__request_keys:
                    data__request_keys.remove("header")
                    data__request__header = data__request["header"]
                    if not isinstance(data__request__header, (list, tuple, str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.header must be array or string or null", value=data__request__header, name="" + (name_prefix or "data") + ".request.header", definition={'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, rule='type')
                    data__request__header_is_list = isinstance(data__request__header, (list, tuple))
                    if data__request__header_is_list:
                        data__request__header_len = len(data__request__header)
                        for data__request__header_x, data__request__header_item in enumerate(data__request__header):
                            if not isinstance(data__request__header_item, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.header[{data__request__header_x}]".format(**locals()) + " must be object", value=data__request__header_item, name="" + (name_prefix or "data") + ".request.header[{data__request__header_x}]".format(**locals()) + "", definition={'type': 'object'}, rule='type')
                if "body" in data__request_keys:
                    data__request_keys.remove("body")
                    data__request__body = data__request["body"]
                    if not isinstance(data__request__body, (dict, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.body must be object or null", value=data__request__body, name="" + (name_prefix or "data") + ".request.body", definition={'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, rule='type')
                    data__request__body_is_dict = isinstance(data__request__body, dict)
                    if data__request__body_is_dict:
                        data__request__body_keys = set(data__request__body.keys())
                        if "raw" in data__request__body_keys:
                            data__request__body_keys.remove("raw")
                            data__request__body__raw = data__request__body["raw"]
                            if not isinstance(data__request__body__raw, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.body.raw must be string or null", value=data__request__body__raw, name="" + (name_prefix or "data") + ".request.body.raw", definition={'type': ['string', 'null']}, rule='type')
                        if "mode" in data__request__body_keys:
                            data__request__body_keys.remove("mode")
                            data__request__body__mode = data__request__body["mode"]
                            if not isinstance(data__request__body__mode, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.body.mode must be string or null", value=data__request__body__mode, name="" + (name_prefix or "data") + ".request.body.mode", definition={'type': ['string', 'null']}, rule='type')
                if "auth" in data__request_keys:
                    data__request_keys.remove("auth")
                    data__request__auth = data__request["auth"]
                    if not isinstance(data__request__auth, (dict, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.auth must be object or null", value=data__request__auth, name="" + (name_prefix or "data") + ".request.auth", definition={'type': ['object', 'null']}, rule='type')
                if "description" in data__request_keys:
                    data__request_keys.remove("description")
                    data__request__description = data__request["description"]
                    if not isinstance(data__request__description, (str, dict, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".request.description must be string or object or null", value=data__request__description, name="" + (name_prefix or "data") + ".request.description", definition={'type': ['string', 'object', 'null']}, rule='type')
        if "response" in data_keys:
            data_keys.remove("response")
            data__response = data["response"]
            if not isinstance(data__response, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response must be array", value=data__response, name="" + (name_prefix or "data") + ".response", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}}, rule='type')
            data__response_is_list = isinstance(data__response, (list, tuple))
            if data__response_is_list:
                data__response_len = len(data__response)
                for data__response_x, data__response_item in enumerate(data__response):
                    if not isinstance(data__response_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}]".format(**locals()) + " must be object", value=data__response_item, name="" + (name_prefix or "data") + ".response[{data__response_x}]".format(**locals()) + "", definition={'type': 'object', 'properties': {'originalRequest': {'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, 'code': {'type': ['integer', 'string', 'null']}, 'body': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null']}}}, rule='type')
                    data__response_item_is_dict = isinstance(data__response_item, dict)
                    if data__response_item_is_dict:
                        data__response_item_keys = set(data__response_item.keys())
                        if "originalRequest" in data__response_item_keys:
                            data__response_item_keys.remove("originalRequest")
                            data__response_item__originalRequest = data__response_item["originalRequest"]
                            if not isinstance(data__response_item__originalRequest, (dict, str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest".format(**locals()) + " must be object or string", value=data__response_item__originalRequest, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest".format(**locals()) + "", definition={'type': ['object', 'string'], 'properties': {'url': {'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, 'method': {'type': ['string', 'null']}, 'header': {'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, 'body': {'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, 'auth': {'type': ['object', 'null']}, 'description': {'type': ['string', 'object', 'null']}}}, rule='type')
                            data__response_item__originalRequest_is_dict = isinstance(data__response_item__originalRequest, dict)
                            if data__response_item__originalRequest_is_dict:
                                data__response_item__originalRequest_keys = set(data__response_item__originalRequest.keys())
                                if "url" in data__response_item__originalRequest_keys:
                                    data__response_item__originalRequest_keys.remove("url")
                                    data__response_item__originalRequest__url = data__response_item__originalRequest["url"]
                                    if not isinstance(data__response_item__originalRequest__url, (dict, str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url".format(**locals()) + " must be object or string", value=data__response_item__originalRequest__url, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url".format(**locals()) + "", definition={'type': ['object', 'string'], 'properties': {'raw': {'type': ['string', 'null']}, 'host': {'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, 'path': {'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, 'query': {'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, 'variable': {'type': 'array', 'items': {'type': 'object'}}}}, rule='type')
                                    data__response_item__originalRequest__url_is_dict = isinstance(data__response_item__originalRequest__url, dict)
                                    if data__response_item__originalRequest__url_is_dict:
                                        data__response_item__originalRequest__url_keys = set(data__response_item__originalRequest__url.keys())
                                        if "raw" in data__response_item__originalRequest__url_keys:
                                            data__response_item__originalRequest__url_keys.remove("raw")
                                            data__response_item__originalRequest__url__raw = data__response_item__originalRequest__url["raw"]
                                            if not isinstance(data__response_item__originalRequest__url__raw, (str, NoneType)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.raw".format(**locals()) + " must be string or null", value=data__response_item__originalRequest__url__raw, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.raw".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                                        if "host" in data__response_item__originalRequest__url_keys:
                                            data__response_item__originalRequest__url_keys.remove("host")
                                            data__response_item__originalRequest__url__host = data__response_item__originalRequest__url["host"]
                                            if not isinstance(data__response_item__originalRequest__url__host, (list, tuple, str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.host".format(**locals()) + " must be array or string", value=data__response_item__originalRequest__url__host, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.host".format(**locals()) + "", definition={'type': ['array', 'string'], 'items': {'type': ['string', 'number', 'boolean', 'null']}}, rule='type')
                                            data__response_item__originalRequest__url__host_is_list = isinstance(data__response_item__originalRequest__url__host, (list, tuple))
                                            if data__response_item__originalRequest__url__host_is_list:
                                                data__response_item__originalRequest__url__host_len = len(data__response_item__originalRequest__url__host)
                                                for data__response_item__originalRequest__url__host_x, data__response_item__originalRequest__url__host_item in enumerate(data__response_item__originalRequest__url__host):
                                                    if not isinstance(data__response_item__originalRequest__url__host_item, (str, int, float, Decimal, bool, NoneType)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.host[{data__response_item__originalRequest__url__host_x}]".format(**locals()) + " must be string or number or boolean or null", value=data__response_item__originalRequest__url__host_item, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.host[{data__response_item__originalRequest__url__host_x}]".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                                        if "path" in data__response_item__originalRequest__url_keys:
                                            data__response_item__originalRequest__url_keys.remove("path")
                                            data__response_item__originalRequest__url__path = data__response_item__originalRequest__url["path"]
                                            if not isinstance(data__response_item__originalRequest__url__path, (list, tuple, str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.path".format(**locals()) + " must be array or string", value=data__response_item__originalRequest__url__path, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.path".format(**locals()) + "", definition={'type': ['array', 'string'], 'items': {'type': ['string', 'object']}}, rule='type')
                                            data__response_item__originalRequest__url__path_is_list = isinstance(data__response_item__originalRequest__url__path, (list, tuple))
                                            if data__response_item__originalRequest__url__path_is_list:
                                                data__response_item__originalRequest__url__path_len = len(data__response_item__originalRequest__url__path)
                                                for data__response_item__originalRequest__url__path_x, data__response_item__originalRequest__url__path_item in enumerate(data__response_item__originalRequest__url__path):
                                                    if not isinstance(data__response_item__originalRequest__url__path_item, (str, dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.path[{data__response_item__originalRequest__url__path_x}]".format(**locals()) + " must be string or object", value=data__response_item__originalRequest__url__path_item, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.path[{data__response_item__originalRequest__url__path_x}]".format(**locals()) + "", definition={'type': ['string', 'object']}, rule='type')
                                        if "query" in data__response_item__originalRequest__url_keys:
                                            data__response_item__originalRequest__url_keys.remove("query")
                                            data__response_item__originalRequest__url__query = data__response_item__originalRequest__url["query"]
                                            if not isinstance(data__response_item__originalRequest__url__query, (list, tuple, NoneType)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query".format(**locals()) + " must be array or null", value=data__response_item__originalRequest__url__query, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query".format(**locals()) + "", definition={'type': ['array', 'null'], 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}}, rule='type')
                                            data__response_item__originalRequest__url__query_is_list = isinstance(data__response_item__originalRequest__url__query, (list, tuple))
                                            if data__response_item__originalRequest__url__query_is_list:
                                                data__response_item__originalRequest__url__query_len = len(data__response_item__originalRequest__url__query)
                                                for data__response_item__originalRequest__url__query_x, data__response_item__originalRequest__url__query_item in enumerate(data__response_item__originalRequest__url__query):
                                                    if not isinstance(data__response_item__originalRequest__url__query_item, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query[{data__response_item__originalRequest__url__query_x}]".format(**locals()) + " must be object", value=data__response_item__originalRequest__url__query_item, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query[{data__response_item__originalRequest__url__query_x}]".format(**locals()) + "", definition={'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}}}, rule='type')
                                                    data__response_item__originalRequest__url__query_item_is_dict = isinstance(data__response_item__originalRequest__url__query_item, dict)
                                                    if data__response_item__originalRequest__url__query_item_is_dict:
                                                        data__response_item__originalRequest__url__query_item_keys = set(data__response_item__originalRequest__url__query_item.keys())
                                                        if "key" in data__response_item__originalRequest__url__query_item_keys:
                                                            data__response_item__originalRequest__url__query_item_keys.remove("key")
                                                            data__response_item__originalRequest__url__query_item__key = data__response_item__originalRequest__url__query_item["key"]
                                                            if not isinstance(data__response_item__originalRequest__url__query_item__key, (str, int, float, Decimal, bool, NoneType)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query[{data__response_item__originalRequest__url__query_x}].key".format(**locals()) + " must be string or number or boolean or null", value=data__response_item__originalRequest__url__query_item__key, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query[{data__response_item__originalRequest__url__query_x}].key".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                                                        if "value" in data__response_item__originalRequest__url__query_item_keys:
                                                            data__response_item__originalRequest__url__query_item_keys.remove("value")
                                                            data__response_item__originalRequest__url__query_item__value = data__response_item__originalRequest__url__query_item["value"]
                                                            if not isinstance(data__response_item__originalRequest__url__query_item__value, (str, int, float, Decimal, bool, NoneType)):
                                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query[{data__response_item__originalRequest__url__query_x}].value".format(**locals()) + " must be string or number or boolean or null", value=data__response_item__originalRequest__url__query_item__value, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.query[{data__response_item__originalRequest__url__query_x}].value".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                                        if "variable" in data__response_item__originalRequest__url_keys:
                                            data__response_item__originalRequest__url_keys.remove("variable")
                                            data__response_item__originalRequest__url__variable = data__response_item__originalRequest__url["variable"]
                                            if not isinstance(data__response_item__originalRequest__url__variable, (list, tuple)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.variable".format(**locals()) + " must be array", value=data__response_item__originalRequest__url__variable, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.variable".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'object'}}, rule='type')
                                            data__response_item__originalRequest__url__variable_is_list = isinstance(data__response_item__originalRequest__url__variable, (list, tuple))
                                            if data__response_item__originalRequest__url__variable_is_list:
                                                data__response_item__originalRequest__url__variable_len = len(data__response_item__originalRequest__url__variable)
                                                for data__response_item__originalRequest__url__variable_x, data__response_item__originalRequest__url__variable_item in enumerate(data__response_item__originalRequest__url__variable):
                                                    if not isinstance(data__response_item__originalRequest__url__variable_item, (dict)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.variable[{data__response_item__originalRequest__url__variable_x}]".format(**locals()) + " must be object", value=data__response_item__originalRequest__url__variable_item, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.url.variable[{data__response_item__originalRequest__url__variable_x}]".format(**locals()) + "", definition={'type': 'object'}, rule='type')
                                if "method" in data__response_item__originalRequest_keys:
                                    data__response_item__originalRequest_keys.remove("method")
                                    data__response_item__originalRequest__method = data__response_item__originalRequest["method"]
                                    if not isinstance(data__response_item__originalRequest__method, (str, NoneType)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.method".format(**locals()) + " must be string or null", value=data__response_item__originalRequest__method, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.method".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                                if "header" in data__response_item__originalRequest_keys:
                                    data__response_item__originalRequest_keys.remove("header")
                                    data__response_item__originalRequest__header = data__response_item__originalRequest["header"]
                                    if not isinstance(data__response_item__originalRequest__header, (list, tuple, str, NoneType)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.header".format(**locals()) + " must be array or string or null", value=data__response_item__originalRequest__header, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.header".format(**locals()) + "", definition={'type': ['array', 'string', 'null'], 'items': {'type': 'object'}}, rule='type')
                                    data__response_item__originalRequest__header_is_list = isinstance(data__response_item__originalRequest__header, (list, tuple))
                                    if data__response_item__originalRequest__header_is_list:
                                        data__response_item__originalRequest__header_len = len(data__response_item__originalRequest__header)
                                        for data__response_item__originalRequest__header_x, data__response_item__originalRequest__header_item in enumerate(data__response_item__originalRequest__header):
                                            if not isinstance(data__response_item__originalRequest__header_item, (dict)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.header[{data__response_item__originalRequest__header_x}]".format(**locals()) + " must be object", value=data__response_item__originalRequest__header_item, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.header[{data__response_item__originalRequest__header_x}]".format(**locals()) + "", definition={'type': 'object'}, rule='type')
                                if "body" in data__response_item__originalRequest_keys:
                                    data__response_item__originalRequest_keys.remove("body")
                                    data__response_item__originalRequest__body = data__response_item__originalRequest["body"]
                                    if not isinstance(data__response_item__originalRequest__body, (dict, NoneType)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.body".format(**locals()) + " must be object or null", value=data__response_item__originalRequest__body, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.body".format(**locals()) + "", definition={'type': ['object', 'null'], 'properties': {'raw': {'type': ['string', 'null']}, 'mode': {'type': ['string', 'null']}}}, rule='type')
                                    data__response_item__originalRequest__body_is_dict = isinstance(data__response_item__originalRequest__body, dict)
                                    if data__response_item__originalRequest__body_is_dict:
                                        data__response_item__originalRequest__body_keys = set(data__response_item__originalRequest__body.keys())
                                        if "raw" in data__response_item__originalRequest__body_keys:
                                            data__response_item__originalRequest__body_keys.remove("raw")
                                            data__response_item__originalRequest__body__raw = data__response_item__originalRequest__body["raw"]
                                            if not isinstance(data__response_item__originalRequest__body__raw, (str, NoneType)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.body.raw".format(**locals()) + " must be string or null", value=data__response_item__originalRequest__body__raw, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.body.raw".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                                        if "mode" in data__response_item__originalRequest__body_keys:
                                            data__response_item__originalRequest__body_keys.remove("mode")
                                            data__response_item__originalRequest__body__mode = data__response_item__originalRequest__body["mode"]
                                            if not isinstance(data__response_item__originalRequest__body__mode, (str, NoneType)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.body.mode".format(**locals()) + " must be string or null", value=data__response_item__originalRequest__body__mode, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.body.mode".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                                if "auth" in data__response_item__originalRequest_keys:
                                    data__response_item__originalRequest_keys.remove("auth")
                                    data__response_item__originalRequest__auth = data__response_item__originalRequest["auth"]
                                    if not isinstance(data__response_item__originalRequest__auth, (dict, NoneType)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.auth".format(**locals()) + " must be object or null", value=data__response_item__originalRequest__auth, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.auth".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
                                if "description" in data__response_item__originalRequest_keys:
                                    data__response_item__originalRequest_keys.remove("description")
                                    data__response_item__originalRequest__description = data__response_item__originalRequest["description"]
                                    if not isinstance(data__response_item__originalRequest__description, (str, dict, NoneType)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.description".format(**locals()) + " must be string or object or null", value=data__response_item__originalRequest__description, name="" + (name_prefix or "data") + ".response[{data__response_x}].originalRequest.description".format(**locals()) + "", definition={'type': ['string', 'object', 'null']}, rule='type')
                        if "code" in data__response_item_keys:
                            data__response_item_keys.remove("code")
                            data__response_item__code = data__response_item["code"]
                            if not isinstance(data__response_item__code, (int, str, NoneType)) and not (isinstance(data__response_item__code, float) and data__response_item__code.is_integer()) or isinstance(data__response_item__code, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].code".format(**locals()) + " must be integer or string or null", value=data__response_item__code, name="" + (name_prefix or "data") + ".response[{data__response_x}].code".format(**locals()) + "", definition={'type': ['integer', 'string', 'null']}, rule='type')
                        if "body" in data__response_item_keys:
                            data__response_item_keys.remove("body")
                            data__response_item__body = data__response_item["body"]
                            if not isinstance(data__response_item__body, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].body".format(**locals()) + " must be string or null", value=data__response_item__body, name="" + (name_prefix or "data") + ".response[{data__response_x}].body".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                        if "header" in data__response_item_keys:
                            data__response_item_keys.remove("header")
                            data__response_item__header = data__response_item["header"]
                            if not isinstance(data__response_item__header, (list, tuple, str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".response[{data__response_x}].header".format(**locals()) + " must be array or string or null", value=data__response_item__header, name="" + (name_prefix or "data") + ".response[{data__response_x}].header".format(**locals()) + "", definition={'type': ['array', 'string', 'null']}, rule='type')
        if "variable" in data_keys:
            data_keys.remove("variable")
            data__variable = data["variable"]
            if not isinstance(data__variable, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".variable must be array", value=data__variable, name="" + (name_prefix or "data") + ".variable", definition={'type': 'array', 'items': {'type': ['object', 'string']}}, rule='type')
            data__variable_is_list = isinstance(data__variable, (list, tuple))
            if data__variable_is_list:
                data__variable_len = len(data__variable)
                for data__variable_x, data__variable_item in enumerate(data__variable):
                    if not isinstance(data__variable_item, (dict, str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".variable[{data__variable_x}]".format(**locals()) + " must be object or string", value=data__variable_item, name="" + (name_prefix or "data") + ".variable[{data__variable_x}]".format(**locals()) + "", definition={'type': ['object', 'string']}, rule='type')
        if "auth" in data_keys:
            data_keys.remove("auth")
            data__auth = data["auth"]
            if not isinstance(data__auth, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".auth must be object or null", value=data__auth, name="" + (name_prefix or "data") + ".auth", definition={'type': ['object', 'null']}, rule='type')
        if "event" in data_keys:
            data_keys.remove("event")
            data__event = data["event"]
            if not isinstance(data__event, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".event must be array", value=data__event, name="" + (name_prefix or "data") + ".event", definition={'type': 'array', 'items': {'type': 'object'}}, rule='type')
            data__event_is_list = isinstance(data__event, (list, tuple))
            if data__event_is_list:
                data__event_len = len(data__event)
                for data__event_x, data__event_item in enumerate(data__event):
                    if not isinstance(data__event_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".event[{data__event_x}]".format(**locals()) + " must be object", value=data__event_item, name="" + (name_prefix or "data") + ".event[{data__event_x}]".format(**locals()) + "", definition={'type': 'object'}, rule='type')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str, dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string or object or null", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': ['string', 'object', 'null']}, rule='type')
    return data