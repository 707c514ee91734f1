"""The Qt interface: windows, screens and widgets over the Qt-free core."""
