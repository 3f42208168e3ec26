"""fastjsonschema's checks of the shapes in postman_kit/shapes.py, compiled ahead: after changing a shape, run
`python -c "from postman_kit.shapes import write_compiled_checks; write_compiled_checks()"`."""
