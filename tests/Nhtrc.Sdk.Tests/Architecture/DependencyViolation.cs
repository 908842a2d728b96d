using System.Collections.Generic;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// A dependency of node <see cref="From"/> on node <see cref="To"/> that the allowed graph does not have, with why
/// (<see cref="Reason"/>) and every type reference that makes it, in metadata order.
/// </summary>
internal sealed record DependencyViolation(string From, string To, string Reason, IReadOnlyList<TypeDependency> References);
