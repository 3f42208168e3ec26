# Generated from postman_kit/shapes.py by postman_kit.shapes.write_compiled_checks(): do not edit.
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'name': {'type': ['string', 'number', 'boolean', 'null']}, 'values': {'type': 'array', 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}, 'type': {'type': ['string', 'null']}, 'enabled': {'type': ['boolean', 'null']}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str, int, float, Decimal, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string or number or boolean or null", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
        if "values" in data_keys:
            data_keys.remove("values")
            data__values = data["values"]
            if not isinstance(data__values, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must be array", value=data__values, name="" + (name_prefix or "data") + ".values", definition={'type': 'array', 'items': {'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}, 'type': {'type': ['string', 'null']}, 'enabled': {'type': ['boolean', 'null']}}}}, rule='type')
            data__values_is_list = isinstance(data__values, (list, tuple))
            if data__values_is_list:
                data__values_len = len(data__values)
                for data__values_x, data__values_item in enumerate(data__values):
                    if not isinstance(data__values_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".values[{data__values_x}]".format(**locals()) + " must be object", value=data__values_item, name="" + (name_prefix or "data") + ".values[{data__values_x}]".format(**locals()) + "", definition={'type': 'object', 'properties': {'key': {'type': ['string', 'number', 'boolean', 'null']}, 'value': {'type': ['string', 'number', 'boolean', 'null']}, 'type': {'type': ['string', 'null']}, 'enabled': {'type': ['boolean', 'null']}}}, rule='type')
                    data__values_item_is_dict = isinstance(data__values_item, dict)
                    if data__values_item_is_dict:
                        data__values_item_keys = set(data__values_item.keys())
                        if "key" in data__values_item_keys:
                            data__values_item_keys.remove("key")
                            data__values_item__key = data__values_item["key"]
                            if not isinstance(data__values_item__key, (str, int, float, Decimal, bool, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values[{data__values_x}].key".format(**locals()) + " must be string or number or boolean or null", value=data__values_item__key, name="" + (name_prefix or "data") + ".values[{data__values_x}].key".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                        if "value" in data__values_item_keys:
                            data__values_item_keys.remove("value")
                            data__values_item__value = data__values_item["value"]
                            if not isinstance(data__values_item__value, (str, int, float, Decimal, bool, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values[{data__values_x}].value".format(**locals()) + " must be string or number or boolean or null", value=data__values_item__value, name="" + (name_prefix or "data") + ".values[{data__values_x}].value".format(**locals()) + "", definition={'type': ['string', 'number', 'boolean', 'null']}, rule='type')
                        if "type" in data__values_item_keys:
                            data__values_item_keys.remove("type")
                            data__values_item__type = data__values_item["type"]
                            if not isinstance(data__values_item__type, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values[{data__values_x}].type".format(**locals()) + " must be string or null", value=data__values_item__type, name="" + (name_prefix or "data") + ".values[{data__values_x}].type".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                        if "enabled" in data__values_item_keys:
                            data__values_item_keys.remove("enabled")
                            data__values_item__enabled = data__values_item["enabled"]
                            if not isinstance(data__values_item__enabled, (bool, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values[{data__values_x}].enabled".format(**locals()) + " must be boolean or null", value=data__values_item__enabled, name="" + (name_prefix or "data") + ".values[{data__values_x}].enabled".format(**locals()) + "", definition={'type': ['boolean', 'null']}, rule='type')
    return data