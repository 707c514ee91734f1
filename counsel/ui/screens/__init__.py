"""One screen class per content kind; ``registry.SCREEN_CLASSES`` maps kind to class."""
