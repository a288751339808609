import from_folder_layer
import from_zip_layer
import shadowed


def handler(event, context):
    return [from_folder_layer.NAME, from_zip_layer.NAME, shadowed.WHO]
