"""Type stubs of the nutgraf package."""

import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

__version__: str
__all__: List[str]

class InputError(ValueError):
    """An article nutgraf cannot read."""

class ConfigError(ValueError):
    """A pipeline configuration or model nutgraf cannot use."""

Item = Union[str, Mapping[str, Any]]

class Pipeline:
    def __init__(
        self,
        config: Optional[Mapping[str, Any]] = ...,
        model: Optional[Union[str, os.PathLike[str]]] = ...,
    ) -> None: ...
    def summarize(
        self,
        text: Optional[str] = ...,
        *,
        html: Optional[Union[str, bytes]] = ...,
        title: Optional[str] = ...,
        points: Optional[int] = ...,
        quotes: bool = ...,
    ) -> Dict[str, Any]: ...
    def summarize_many(
        self,
        items: Iterable[Item],
        *,
        threads: Optional[int] = ...,
        points: Optional[int] = ...,
        quotes: bool = ...,
    ) -> List[Dict[str, Any]]: ...

def summarize(
    text: Optional[str] = ...,
    *,
    html: Optional[Union[str, bytes]] = ...,
    title: Optional[str] = ...,
    points: Optional[int] = ...,
    quotes: bool = ...,
) -> Dict[str, Any]: ...
def summarize_many(
    items: Iterable[Item],
    *,
    threads: Optional[int] = ...,
    points: Optional[int] = ...,
    quotes: bool = ...,
) -> List[Dict[str, Any]]: ...
