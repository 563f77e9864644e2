#pragma once

#include <utility>
#include <variant>

namespace onewindow {

// A minimal std::expected stand-in: GCC 12 ships <expected> only in C++23 mode and the
// project is C++20. Errors are values (DESIGN.md §2), so every fallible call returns one.
template <typename T, typename E> class Expected
{
public:
    Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    static Expected failure(E error) { return Expected(std::in_place_index<1>, std::move(error)); }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(m_v); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const T* operator->() const { return &std::get<0>(m_v); }
    const T& operator*() const& { return std::get<0>(m_v); }
    const E& error() const { return std::get<1>(m_v); }

private:
    template <std::size_t I, typename A>
    Expected(std::in_place_index_t<I> tag, A&& a) : m_v(tag, std::forward<A>(a))
    {}
    std::variant<T, E> m_v;
};

} // namespace onewindow
